"""Seeded generator of LongMemEval-format synthetic benchmarks (see docs/benchmark.md).

``write_dataset(SynthConfig(...), out_path, oracle_path)`` writes the data file, its oracle twin
and the gold sidecar ``<name>.gold.json``.
"""

from kgmem.datasets.synthetic.generator import (
           SynthConfig,
           gold_path_for,
           iter_instances,
           write_dataset,
)
from kgmem.datasets.synthetic.plan import GENERATOR_VERSION, TYPE_COUNTS, plan_questions, type_mix

__all__ = ["GENERATOR_VERSION", "TYPE_COUNTS", "SynthConfig", "gold_path_for", "iter_instances",
           "plan_questions", "type_mix", "write_dataset"]
