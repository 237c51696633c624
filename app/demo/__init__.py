"""Demo content: a fictional learning community with five initiatives, in English and Dutch."""
