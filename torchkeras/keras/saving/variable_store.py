"""The ``store`` handed to ``save_own_variables`` / ``load_own_variables``: one object's ``vars``
group as a dict.

Keras calls ``layer.save_own_variables(store)`` for every layer and
optimizer when saving, with ``store[key] = value`` writing the dataset
``<path>/vars/<key>``, and ``load_own_variables(store)`` when loading, with
``store[key]`` giving back a NumPy array.  The default implementations
(``Layer``'s and ``Optimizer``'s) use the keys ``"0"``, ``"1"``...; an
override may store any arrays under any keys.
"""

import numpy as np

__all__ = ["WriteStore", "ReadStore", "to_numpy", "save_default", "load_default"]


def to_numpy(value):
    """``value`` (a variable, tensor, torch tensor, array or Python value) as a NumPy array HDF5
    can hold."""
    if hasattr(value, "numpy"):
        value = value.numpy()
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    array = np.asarray(value)
    if array.dtype.kind == "U":
        array = np.char.encode(array, "utf-8")
    return array


class _Store:
    """What both sides share: ``store[key]``, ``key in store``, ``len(store)``, ``store.keys()``."""

    def __init__(self, values=()):
        self.values = dict(values)

    def __getitem__(self, key):
        return self.values[key]

    def __contains__(self, key):
        return key in self.values

    def __len__(self):
        return len(self.values)

    def keys(self):
        """The keys written (or saved) for this object."""
        return self.values.keys()


class WriteStore(_Store):
    """Write side: ``store[key] = value`` records ``value`` as a NumPy array, in insertion order."""

    def __setitem__(self, key, value):
        self.values[str(key)] = to_numpy(value)

    def __delitem__(self, key):
        del self.values[key]


class ReadStore(_Store):
    """Read side: ``store[key]`` is the saved NumPy array (``KeyError`` when the file has no such
    key)."""


def save_default(variables, store):
    """Keras' default ``save_own_variables``: ``store["0"]``, ``store["1"]``... in ``variables``
    order."""
    for index, variable in enumerate(variables):
        store[str(index)] = variable


def load_default(owner_name, variables, store):
    """Keras' default ``load_own_variables``: a count check (Keras' message), then
    ``variables[i].assign(store[str(i)])``."""
    if len(store.keys()) != len(variables):
        raise ValueError(
            "Layer '%s' expected %d variables, but received %d variables during loading. "
            "Expected: %s"
            % (
                owner_name,
                len(variables),
                len(store.keys()),
                [v.name.split(":")[0] for v in variables],
            )
        )
    for index, variable in enumerate(variables):
        variable.assign(store[str(index)])
