"""kgmem: a knowledge-graph temporal memory for small conversational LLMs."""

__version__ = "0.1.0"
