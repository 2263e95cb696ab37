"""The demo organization: a believable hospital group to explore Ithaca with."""
