"""Files to clean article text: loading, decoding, HTML main text, normalisation, language."""
