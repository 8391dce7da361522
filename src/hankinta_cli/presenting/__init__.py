"""Presenting: reports, terminal tables, JSON/CSV/GitHub writers."""
