"""Reading: files and command-line arguments in, safely (load → data and positions)."""
