"""Matching pages: `people` for seekers and helpers, `manager` for program managers."""
