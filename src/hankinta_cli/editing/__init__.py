"""Editing: validated, locked, atomic changes to programme files."""
