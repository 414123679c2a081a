"""Versioned prompts of the evaluation harness (judges and the reference RAG baseline).

Each module holds one prompt and a ``VERSION`` string that keys the LLM cache, so editing a
prompt invalidates its cached answers.
"""
