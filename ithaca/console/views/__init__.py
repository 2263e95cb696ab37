"""Console pages: programs (programs.py), people import and exports (people.py)."""
