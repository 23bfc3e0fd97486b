"""Keras' automatic object names: ``to_snake_case`` and ``auto_name`` (``adam``, ``adam_1`` ...)."""
import re

__all__ = ["to_snake_case", "auto_name"]

_counts = {}


def to_snake_case(name):
    """Keras' snake_case of a class name (``'RMSprop'`` -> ``'rm_sprop'``, ``'AUC'`` -> ``'auc'``)."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def auto_name(class_name):
    """A fresh name for an object of ``class_name``: its snake_case, then ``_1``, ``_2``... on reuse."""
    base = to_snake_case(class_name)
    count = _counts.get(base, 0)
    _counts[base] = count + 1
    return base if count == 0 else "%s_%d" % (base, count)
