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

__all__ = ["tf_export", "keras_export", "export_value", "names_of", "symbols_under",
           "fill_namespace", "public_keras_name", "registered_names"]

_SYMBOL_BY_NAME: dict[str, object] = {}
_NAMES_BY_ID: dict[int, list[str]] = {}
_KEEP_ALIVE: dict[int, object] = {}


def _register(obj, full_names):
    """Record ``obj`` under each full dotted name ("tf.math.add", "keras.layers.Dense")."""
    names = _NAMES_BY_ID.setdefault(id(obj), [])
    _KEEP_ALIVE[id(obj)] = obj
    for full in full_names:
        previous = _SYMBOL_BY_NAME.get(full)
        if previous is not None and previous is not obj:
            raise ValueError("Symbol %s is already exported as %r." % (full, previous))
        _SYMBOL_BY_NAME[full] = obj
        if full not in names:
            names.append(full)
    return obj


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
        if full.startswith(prefix) and "." not in full[len(prefix):]:
            out[full[len(prefix):]] = obj
    return out


def fill_namespace(module_globals, namespace):
    """Put every symbol exported in ``namespace`` into a namespace module's globals.

    Sets ``__all__`` to the sorted exported names (plus any ``__all__`` the module
    already declared, e.g. its submodules)."""
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
