"""Import python-liquid without paying for the parts of it Jekyll's dialect never runs.

``import liquid`` executes every module of the package, and some of those import
heavy libraries at module level that only optional features use: asyncio (async
loaders), Babel's dates and numbers and pytz (the i18n filters of ``liquid.extra``),
dateutil (the standard ``date`` filter, replaced here by Jekyll's) and
importlib_resources (the package loader). They are about a third of python-liquid's
import time, and a pre-commit hook pays import time on every commit.

:func:`install` (run when ``newsletter_liquid`` is imported) watches for the first
import of python-liquid. While, and only while, that import runs, those libraries
are created as deferred modules: the module object exists at once
and its code runs on the first access to a name it defines, so a program that does use
them (directly or through python-liquid) gets the same module, only later. The
hook removes itself once python-liquid is imported; modules imported before or
after that import are not affected.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, SourceFileLoader
from types import ModuleType
from typing import Any, cast

__all__ = ["DEFERRED", "install"]

#: top-level packages python-liquid imports eagerly but only optional features use
DEFERRED = frozenset({
    "asyncio", "babel", "concurrent", "dateutil", "importlib_resources", "pytz",
})
#: modules python-liquid takes names from while it is imported: they must run at once
EAGER = frozenset({"babel", "babel.core"})
#: names python-liquid takes from a deferred module while it is imported but uses only
#: later, if ever: ``liquid.messages`` calls ``Catalog()`` only to extract messages (and
#: Babel's catalog module costs a third of python-liquid's import: it reads the local
#: time zone, and imports difflib and email)
PROXIED = {"babel.messages": frozenset({"Catalog"})}


def _find(finder: object, fullname: str, path: Sequence[str] | None,
          target: ModuleType | None) -> ModuleSpec | None:
    """The spec the rest of ``sys.meta_path`` gives for *fullname*."""
    for other in sys.meta_path:
        if other is finder:
            continue
        find_spec = getattr(other, "find_spec", None)
        if find_spec is None:
            continue
        spec: ModuleSpec | None = find_spec(fullname, path, target)
        if spec is not None:
            return spec
    return None


class _LiquidImportHook:
    """A ``sys.meta_path`` finder active until python-liquid has been imported."""

    def __init__(self) -> None:
        self.importing = False

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname == "liquid" and not self.importing:
            spec = _find(self, fullname, path, target)
            if spec is not None and spec.loader is not None:
                # duck-typed loaders: importlib.abc.Loader would import importlib.resources
                spec.loader = cast(Any, _WatchedLoader(spec.loader, self))
            return spec
        if (not self.importing or fullname.partition(".")[0] not in DEFERRED
                or fullname in EAGER):
            return None
        spec = _find(self, fullname, path, target)
        if spec is not None and isinstance(spec.loader, SourceFileLoader):
            spec.loader = cast(Any, _DeferredLoader(spec.loader))
        return spec


class _DeferredLoader:
    """Creates the module now (name, spec, ``__path__``) and runs its code on first use.

    Unlike :class:`importlib.util.LazyLoader`, reading the attributes the import
    system sets (``__spec__``, ``__path__``...) does not run the module: a second
    ``import asyncio`` elsewhere in python-liquid would otherwise load it at once.
    """

    def __init__(self, loader: SourceFileLoader) -> None:
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        module.__dict__[_PENDING] = self.loader
        module.__class__ = _DeferredModule


_PENDING = "_newsletter_liquid_deferred_loader"


class _DeferredModule(ModuleType):
    """A module whose code has not run yet; any missing attribute runs it."""

    def __getattr__(self, name: str) -> Any:
        if (_HOOK is not None and _HOOK.importing and _PENDING in self.__dict__
                and name in PROXIED.get(self.__name__, ())):
            return _DeferredName(self, name)
        loader = self.__dict__.pop(_PENDING, None)
        if loader is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        object.__setattr__(self, "__class__", ModuleType)
        spec = self.__spec__
        self.__loader__ = loader
        if spec is not None:
            spec.loader = loader
            spec._initializing = True  # type: ignore[attr-defined]
        try:
            loader.exec_module(self)
        finally:
            if spec is not None:
                spec._initializing = False  # type: ignore[attr-defined]
        return getattr(self, name)


class _DeferredName:
    """Stands for ``module.name`` (a class or function) until it is called or looked
    into; then the module runs, as on any other first use."""

    def __init__(self, module: ModuleType, name: str) -> None:
        self._module = module
        self._name = name

    def _target(self) -> Any:
        return getattr(self._module, self._name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._target()(*args, **kwargs)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._target(), attr)

    def __repr__(self) -> str:
        return f"<deferred {self._module.__name__}.{self._name}>"


class _WatchedLoader:
    """python-liquid's own loader, with deferring switched on while it runs."""

    def __init__(self, loader: Any, hook: _LiquidImportHook) -> None:
        self.loader = loader
        self.hook = hook

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self.loader.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        # the module's own ``__spec__.loader`` is the real loader again, for reloads
        if module.__spec__ is not None:
            module.__spec__.loader = self.loader
        module.__loader__ = self.loader
        self.hook.importing = True
        try:
            self.loader.exec_module(module)
        finally:
            self.hook.importing = False
            uninstall()


_HOOK: _LiquidImportHook | None = None


def install() -> None:
    """Defer python-liquid's optional dependencies when it is first imported."""
    global _HOOK
    if _HOOK is None and "liquid" not in sys.modules:
        _HOOK = _LiquidImportHook()
        sys.meta_path.insert(0, _HOOK)


def uninstall() -> None:
    global _HOOK
    if _HOOK is not None:
        if _HOOK in sys.meta_path:
            sys.meta_path.remove(_HOOK)
        _HOOK = None
