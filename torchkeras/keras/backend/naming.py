"""Keras' automatic names: ``dense``, ``dense_1``, ... per prefix, per thread (as Keras)."""

import re
from ...api_export import keras_export

from ...framework import global_state


def to_snake_case(name):
    """``'BatchNormalization'`` -> ``'batch_normalization'`` (Keras' rule)."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def uniquify(prefix):
    """The next unused name for ``prefix``: the prefix itself first, then ``prefix_1`` ..."""
    counts = global_state.PER_THREAD.name_counts
    count = counts.get(prefix, 0)
    counts[prefix] = count + 1
    return prefix if count == 0 else "%s_%d" % (prefix, count)


def auto_name(cls_name):
    """A fresh name for an object of class ``cls_name``."""
    return uniquify(to_snake_case(cls_name))


@keras_export("keras.utils.clear_session", "keras.backend.clear_session")
def clear_session(free_memory=True):
    """``keras.backend.clear_session()``: resets this thread's Keras state (automatic name
    counters, dtype policy, name and custom-object scopes), as Keras does."""
    global_state.clear_session()
