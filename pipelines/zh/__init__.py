"""Chinese extraction: quotes, speakers, reported speech, responses, claim text."""
