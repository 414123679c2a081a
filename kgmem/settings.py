"""One Settings object, resolved in one place.

Order of precedence: explicit overrides (CLI flags) → environment (``KGMEM_*``, ``NEO4J_*``) →
config file (``$KGMEM_HOME/config.toml``, default ``~/.kgmem/config.toml``) → defaults.
No other module reads the environment for kgmem settings.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

# setting name → environment variable
ENV_VARS: dict[str, str] = {
    "home": "KGMEM_HOME",
    "data_dir": "KGMEM_DATA_DIR",
    "store": "KGMEM_STORE",
    "llm_model": "KGMEM_LLM_MODEL",
    "llm_api_base": "KGMEM_LLM_API_BASE",
    "llm_api_key": "KGMEM_LLM_API_KEY",
    "judge_model": "KGMEM_JUDGE_MODEL",
    "embed_model": "KGMEM_EMBED_MODEL",
    "embed_backend": "KGMEM_EMBED_BACKEND",
    "embed_threads": "KGMEM_EMBED_THREADS",
    "extraction_tier": "KGMEM_EXTRACTION_TIER",
    "extraction_proposer": "KGMEM_EXTRACTION_PROPOSER",
    "llm_cache": "KGMEM_LLM_CACHE",
    "llm_timeout_s": "KGMEM_LLM_TIMEOUT",
    "context_tokens": "KGMEM_CONTEXT_TOKENS",
    "investigathon_rules": "KGMEM_INVESTIGATHON_RULES",
    "neo4j_uri": "NEO4J_URI",
    "neo4j_user": "NEO4J_USER",
    "neo4j_password": "NEO4J_PASSWORD",
    "neo4j_database": "NEO4J_DATABASE",
    "neo4j_home": "KGMEM_NEO4J_HOME",
    "serve_token": "KGMEM_SERVE_TOKEN",
}

#: settings that default to a folder under a standard variable: name → (variable, subfolder)
ENV_DIRS: dict[str, tuple[str, str]] = {
    "machine_cache_dir": ("XDG_CACHE_HOME", "kgmem"),
}

#: the embedded llama.cpp model used when no answer model is configured
LOCAL_DEFAULT_MODEL = "local/smollm2-135m-instruct"
#: the embedder used when none is configured (kgmem.embeddings.DEFAULT_MODEL)
DEFAULT_EMBED_MODEL = "sentence-transformers/all-MiniLM-L6-v2"


def _default_home() -> Path:
    return Path.home() / ".kgmem"


def default_machine_cache_dir() -> Path:
    """``~/.cache/kgmem`` (``$XDG_CACHE_HOME/kgmem`` when set, through :meth:`Settings.load`)."""
    return Path.home() / ".cache" / "kgmem"


def _default_data_dir() -> Path:
    # ./data in a checkout (the package sits next to it); else under KGMEM_HOME
    checkout_data = Path(__file__).resolve().parent.parent / "data"
    if (checkout_data / "sample").is_dir():
        return checkout_data
    return Path.cwd() / "data"


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    home: Path = Field(default_factory=_default_home)
    data_dir: Path = Field(default_factory=_default_data_dir)
    store: Literal["networkx", "neo4j"] = "networkx"
    llm_model: str = LOCAL_DEFAULT_MODEL
    llm_api_base: str | None = None
    llm_api_key: SecretStr | None = None
    judge_model: str | None = None  # None → offline normalised-match scorer
    embed_model: str = DEFAULT_EMBED_MODEL
    # onnx fp32, onnx-int8 or torch for the packaged MiniLM; auto = the fastest that works
    embed_backend: Literal["auto", "onnx", "onnx-int8", "torch"] = "auto"
    embed_threads: int = Field(default=0, ge=0)  # onnxruntime intra-op threads; 0 = every core
    # derived model files shared by every KGMEM_HOME on the machine (the ONNX export)
    machine_cache_dir: Path = Field(default_factory=default_machine_cache_dir)
    extraction_tier: Literal["rules", "llm"] = "rules"
    # the rules tier's predicate proposer: the hand-written bank, or nearest neighbours over the
    # many-voice mined bank (kgmem.extraction.zero.proposals.DESIGNS)
    extraction_proposer: Literal["hand", "knn"] = "hand"
    llm_cache: bool = True
    llm_timeout_s: float = 120.0
    context_tokens: int = 2000
    investigathon_rules: bool = False
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    neo4j_home: Path | None = None  # the local server's NEO4J_HOME (None: a per-version default)
    # bearer token `kgmem serve` requires from clients (needed to listen beyond loopback)
    serve_token: SecretStr | None = None

    @property
    def store_dir(self) -> Path:
        return self.home / "store"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    def redacted(self) -> dict[str, Any]:
        """Settings as JSON-able data with secrets masked (for run manifests)."""
        out: dict[str, Any] = {}
        for name, value in self.model_dump().items():
            if isinstance(value, SecretStr):
                out[name] = "***" if value.get_secret_value() else None
            elif isinstance(value, Path):
                out[name] = str(value)
            else:
                out[name] = value
        return out

    @classmethod
    def load(
        cls,
        overrides: Mapping[str, Any] | None = None,
        env: Mapping[str, str] | None = None,
        config_file: Path | None = None,
    ) -> Settings:
        """Resolve settings: overrides → environment → config file → defaults.

        ``None`` values in ``overrides`` mean "flag not given" and are skipped.
        """
        env = os.environ if env is None else env
        merged: dict[str, Any] = {}
        source: dict[str, str] = {}  # setting → where its value came from, for error messages

        home_hint = (overrides or {}).get("home") or env.get("KGMEM_HOME")
        path = config_file or (Path(home_hint) if home_hint else _default_home()) / "config.toml"
        if path.is_file():
            try:
                with path.open("rb") as fh:
                    data = tomllib.load(fh)
            except tomllib.TOMLDecodeError as exc:
                raise SettingsError(f"{path}: invalid TOML: {exc}") from exc
            except OSError as exc:
                raise SettingsError(f"{path}: cannot read the config file: {exc}") from exc
            unknown = set(data) - set(cls.model_fields)
            if unknown:
                raise SettingsError(f"{path}: unknown setting(s): {', '.join(sorted(unknown))}")
            merged.update(data)
            source.update({name: f"config file {path}" for name in data})

        for name, (var, sub) in ENV_DIRS.items():
            if env.get(var) not in (None, ""):
                merged[name], source[name] = Path(env[var]) / sub, f"environment {var}"
        for name, var in ENV_VARS.items():
            if env.get(var) not in (None, ""):
                merged[name], source[name] = env[var], f"environment {var}"

        for name, value in (overrides or {}).items():
            if value is not None:
                if name not in cls.model_fields:
                    raise SettingsError(f"unknown setting {name!r}")
                merged[name], source[name] = value, "command-line option"
        try:
            return cls(**merged)
        except ValidationError as exc:
            raise SettingsError(_describe(exc, merged, source)) from exc


class SettingsError(ValueError):
    """A setting that cannot be used; the message names the setting and where it came from."""


def _describe(exc: ValidationError, merged: Mapping[str, Any], source: Mapping[str, str]) -> str:
    problems = []
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else "?"
        where = source.get(name, "default")
        problems.append(f"setting {name} = {merged.get(name)!r} (from {where}): {error['msg']}")
    return "; ".join(problems)
