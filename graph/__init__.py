"""The rumour graph: store, merge and views (no spaCy in here)."""
