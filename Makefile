# The two fresh-machine commands (see README.md):
#   make demo   set up, then run the main job: kgmem eval on the bundled sample split
#               (embedded networkx store, embedded SmolLM2 model, offline)
#   make test   set up, start a real Neo4j 5.26, and run lint, type checks and the test suite
.PHONY: setup demo test lint

setup:
	bash scripts/setup.sh

demo: setup
	bash scripts/demo.sh

test: setup
	bash scripts/test.sh

lint:
	.venv/bin/ruff check kgmem tests eval scripts
	.venv/bin/mypy kgmem
