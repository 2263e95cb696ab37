"""Mentoring pages; each module is one area (workspace, personal, events, training, managers)."""
