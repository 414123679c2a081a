"""Words of general English that the answer side reads with, kept as data.

Each module loads one file of ``kgmem/resources/lexicon/`` and compiles the readers over it, so a
word list lives in one place and every reader of the same knowledge uses the same copy.
"""
