"""English extraction: quotes, reported speech, speakers, unnamed sources, responses."""
