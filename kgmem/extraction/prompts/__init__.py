"""Versioned extraction prompts; each module carries ``PROMPT_VERSION`` and its answer schema."""
