"""Checking: the model's and the rules' findings, the finding catalogue, the schema."""
