"""Pipelines: files -> articles -> spaCy docs -> statement records."""
