"""Finding schemes: shipped ones by name, any other by the path of its file.

A scheme module exposes one ``SCHEME``.  Shipped schemes are imported only when asked
for, so that scoring one applicant does not pay for every city.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import sys
from pathlib import Path

import schemes as _shipped
from pointscalc.scheme import Scheme, SchemeError

_INTERNAL = {"jiangsu"}
"""Modules of the schemes package that hold shared data, not a city."""


def shipped_names() -> list[str]:
    return sorted(
        m.name for m in pkgutil.iter_modules(_shipped.__path__)
        if not m.name.startswith("_") and m.name not in _INTERNAL
    )


def _scheme_of(module: object, origin: str) -> Scheme:
    scheme = getattr(module, "SCHEME", None)
    if not isinstance(scheme, Scheme):
        raise SchemeError(f"{origin} defines no SCHEME (a pointscalc.scheme.Scheme)")
    return scheme


def load(name_or_path: str) -> Scheme:
    """A shipped scheme by name (``beijing``), or a scheme file by path (``./my_city.py``)."""
    if name_or_path.endswith(".py") or "/" in name_or_path or "\\" in name_or_path:
        return load_file(Path(name_or_path))
    if name_or_path not in shipped_names():
        raise SchemeError(
            f"no scheme named {name_or_path!r}; shipped schemes: {', '.join(shipped_names())}"
            " (or give the path of a scheme file)"
        )
    module = importlib.import_module(f"schemes.{name_or_path}")
    return _scheme_of(module, f"schemes/{name_or_path}.py")


def load_file(path: Path) -> Scheme:
    if not path.is_file():
        raise SchemeError(f"scheme file {str(path)!r} does not exist")
    module_name = f"_pointscalc_scheme_{abs(hash(path.resolve()))}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise SchemeError(f"{path} cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as e:
        raise SchemeError(f"{path}, line {e.lineno}: {e.msg}") from None
    except Exception as e:  # a scheme file is user code: report, don't crash
        raise SchemeError(f"{path} failed to load: {type(e).__name__}: {e}") from None
    return _scheme_of(module, str(path))


def all_shipped() -> list[Scheme]:
    return [load(n) for n in shipped_names()]
