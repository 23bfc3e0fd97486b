"""The export registry: every public symbol declared once with its TF/Keras names.

As Keras' ``keras/src/api_export.py``: a symbol is decorated where it is
defined, ``@tf_export("math.add", "add")`` or ``@keras_export("keras.layers.Dense")``,
and the registry remembers its public names.  Namespace modules
(``torchkeras/math.py``, ``keras/layers/__init__.py`` ...) are filled from the
registry, the serializer finds a class's public Keras name with one lookup, and
the docs list what is exported.

Names are written without the package prefix for ``tf_export`` (``"math.add"``
is ``tf.math.add``) and with ``keras.`` for ``keras_export``, as in TF and Keras
sources.  ``export_value`` registers objects that cannot carry an attribute
(dtypes, constants, modules).
"""

from __future__ import annotations

import inspect
import types

from torchkeras._dispatch_args import binding_as_tf, dispatches
from torchkeras._python_names import PYTHON_NAMES

__all__ = [
    "tf_export",
    "keras_export",
    "export_value",
    "names_of",
    "symbols_under",
    "fill_namespace",
    "public_keras_name",
    "registered_names",
    "rebind",
    "symbol",
    "namespaces",
    "markdown",
]

_SYMBOL_BY_NAME: dict[str, object] = {}
_NAMES_BY_ID: dict[int, list[str]] = {}
_KEEP_ALIVE: dict[int, object] = {}


# Plain values share identities (``-1`` is ``AUTOTUNE`` and ``INFINITE_CARDINALITY``): they are
# found by name only, never asked for their names.
_PLAIN_VALUES = (int, float, str, bytes, type(None))


def _name_as_tf(func, full_names):
    """Give ``func`` (and the function it wraps) TF's Python name for it (``_python_names``)."""
    for full in full_names:
        qualname = PYTHON_NAMES.get(full)
        if qualname is not None:
            for target in (func, inspect.unwrap(func)):
                target.__qualname__ = qualname
                target.__name__ = qualname.rpartition(".")[2]
            return


def _register(obj, full_names):
    """Record ``obj`` under each full dotted name ("tf.math.add", "keras.layers.Dense").

    A function TF binds the arguments of itself is exported with TF's binding errors
    (``_dispatch_args``); ``obj`` itself is returned, for the calls inside the package."""
    defined = obj
    if isinstance(obj, types.FunctionType):
        _name_as_tf(obj, full_names)
        if dispatches(full_names):
            obj = binding_as_tf(obj)
    plain = isinstance(obj, _PLAIN_VALUES)
    names = [] if plain else _NAMES_BY_ID.setdefault(id(obj), [])
    if not plain:
        _KEEP_ALIVE[id(obj)] = obj
    for full in full_names:
        previous = _SYMBOL_BY_NAME.get(full)
        if previous is not None and previous is not obj:
            raise ValueError("Symbol %s is already exported as %r." % (full, previous))
        _SYMBOL_BY_NAME[full] = obj
        if full not in names:
            names.append(full)
    return defined


def tf_export(*names):
    """Decorator: export the decorated symbol as ``tf.<name>`` for each name."""
    full = ["tf." + name for name in names]

    def decorate(obj):
        return _register(obj, full)

    return decorate


def keras_export(*names):
    """Decorator: export the decorated symbol under each ``keras.*`` name given."""
    for name in names:
        if not name.startswith("keras."):
            raise ValueError("keras_export names start with 'keras.': %r" % (name,))

    def decorate(obj):
        return _register(obj, names)

    return decorate


def export_value(obj, *full_names):
    """Register a value that cannot be decorated (a dtype, a constant, a module)."""
    return _register(obj, full_names)


def names_of(obj):
    """Every public name ``obj`` is exported under (full dotted names, in order)."""
    return list(_NAMES_BY_ID.get(id(obj), ()))


def registered_names():
    """Every exported full name, sorted."""
    return sorted(_SYMBOL_BY_NAME)


def symbols_under(namespace):
    """``{short name: symbol}`` exported directly in ``namespace`` ("tf.math", "keras.layers")."""
    prefix = namespace + "."
    out = {}
    for full, obj in _SYMBOL_BY_NAME.items():
        if full.startswith(prefix) and "." not in full[len(prefix) :]:
            out[full[len(prefix) :]] = obj
    return out


def fill_namespace(module_globals, namespace, *defining_modules):
    """Put every symbol exported in ``namespace`` into a namespace module's globals.

    ``defining_modules`` (``".ops.math_ops"``, relative to the namespace module's
    package, or absolute) are imported first so that their exports are recorded.
    Sets ``__all__`` to the sorted exported names (plus any ``__all__`` the module
    already declared, e.g. its submodules)."""
    import importlib

    for module in defining_modules:
        importlib.import_module(module, module_globals.get("__package__"))
    symbols = symbols_under(namespace)
    module_globals.update(symbols)
    module_globals["__all__"] = sorted(set(module_globals.get("__all__", ())) | set(symbols))
    return symbols


def public_keras_name(obj):
    """The first ``keras.*`` name ``obj`` is exported under, or None."""
    for full in _NAMES_BY_ID.get(id(obj), ()):
        if full.startswith("keras."):
            return full
    return None


def symbol(full_name):
    """The object exported as ``full_name`` ("keras.layers.Dense"), or None."""
    return _SYMBOL_BY_NAME.get(full_name)


def rebind(old, new):
    """Export ``new`` under every name ``old`` had (a wrapper replacing the symbol it wraps)."""
    names = _NAMES_BY_ID.pop(id(old), [])
    _KEEP_ALIVE.pop(id(old), None)
    for full in names:
        _SYMBOL_BY_NAME[full] = new
    new_names = _NAMES_BY_ID.setdefault(id(new), [])
    new_names.extend(full for full in names if full not in new_names)
    _KEEP_ALIVE[id(new)] = new
    return new


def namespaces():
    """Every namespace some name is exported in ("tf", "tf.math", "keras.layers", ...), sorted."""
    return sorted({full.rpartition(".")[0] for full in _SYMBOL_BY_NAME})


def _kind(obj):
    if type(obj).__name__ == "module":
        return "module"
    if isinstance(obj, type):
        return "class"
    if callable(obj):
        return "function"
    return type(obj).__name__


def markdown():
    """The API listing of ``docs/API.md`` (``python -m torchkeras._api_listing``): every
    namespace with its exported names.

    Imports the whole package first (``tf.data`` and ``tf.keras`` load lazily)."""
    import importlib

    for module in ("torchkeras", "torchkeras.data", "torchkeras.keras"):
        importlib.import_module(module)
    lines = [
        "# torchkeras API",
        "",
        "Generated by `python -m torchkeras._api_listing > docs/API.md` from the export registry",
        "(`torchkeras/api_export.py`); do not edit by hand.",
        "",
        "%d public names in %d namespaces." % (len(_SYMBOL_BY_NAME), len(namespaces())),
    ]
    for namespace in namespaces():
        lines += ["", "## `%s`" % namespace, ""]
        for short, obj in sorted(symbols_under(namespace).items()):
            canonical = names_of(obj)[:1]
            alias = (
                ""
                if not canonical or canonical[0] == namespace + "." + short
                else " (alias of `%s`)" % canonical[0]
            )
            lines.append("- `%s` — %s%s" % (short, _kind(obj), alias))
    return "\n".join(lines) + "\n"
