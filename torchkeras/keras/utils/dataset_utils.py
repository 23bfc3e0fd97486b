"""``keras.utils.split_dataset``."""

from __future__ import annotations

import numpy as np

from ...data import structure
from ...data.dataset_ops import Dataset
from ...api_export import keras_export

__all__ = ["split_dataset"]


def _out_of_range(size, total):
    """Keras' check of a split size: an int outside ``[0, total]`` or a float outside ``[0, 1]``."""
    if isinstance(size, int):
        return not 0 <= size <= total
    return isinstance(size, float) and not 0 <= size <= 1


def _split_sizes(total, left_size, right_size):
    for name, size in (("left_size", left_size), ("right_size", right_size)):
        if size is not None and not isinstance(size, (int, float)):
            raise TypeError(
                "Invalid `%s` Type. Expected: int or float or None, Received: type(%s)=%s."
                % (name, name, type(size))
            )
    if left_size == 0 and right_size == 0:
        raise ValueError(
            "Both `left_size` and `right_size` are zero. At least one of the split sizes must be "
            "non-zero."
        )
    if _out_of_range(left_size, total):
        raise ValueError(
            "`left_size` should be either a positive integer smaller than %d, or a float within "
            "the range `[0, 1]`. Received: left_size=%s" % (total, left_size)
        )
    if _out_of_range(right_size, total):
        raise ValueError(
            "`right_size` should be either a positive integer and smaller than %d or a float "
            "within the range `[0, 1]`. Received: right_size=%s" % (total, right_size)
        )
    if (
        isinstance(left_size, float)
        and isinstance(right_size, float)
        and left_size + right_size > 1
    ):
        raise ValueError(
            "The sum of `left_size` and `right_size` is greater than 1. It must be less than or "
            "equal to 1."
        )
    left = round(left_size * total) if isinstance(left_size, float) else left_size
    right = round(right_size * total) if isinstance(right_size, float) else right_size
    if left is None:
        left = total - right
    if right is None:
        right = total - left
    if left + right > total:
        raise ValueError(
            "The sum of `left_size` and `right_size` should be smaller than the %d. Received: "
            "left_size + right_size = %dand total_length = %d" % (total, left + right, total)
        )
    for split, side in ((left, "left"), (right, "right")):
        if split == 0:
            raise ValueError(
                "With `dataset` of length=%d, `left_size`=%s and `right_size`=%s. Resulting %s "
                "side dataset split will be empty. Adjust any of the aforementioned parameters"
                % (total, left, right, side)
            )
    return left, right


@keras_export("keras.utils.split_dataset")
def split_dataset(dataset, left_size=None, right_size=None, shuffle=False, seed=None):
    """Splits arrays (or a tuple of arrays, or a finite ``tf.data.Dataset``) into two datasets.

    Sizes are counts (int) or fractions (float); a missing side is the
    complement.  Returns two ``tf.data.Dataset`` objects.
    """
    if left_size is None and right_size is None:
        raise ValueError(
            "At least one of the `left_size` or `right_size` must be specified. Received: "
            "left_size=None and right_size=None"
        )
    if isinstance(dataset, Dataset):
        elements = list(dataset._iterate())
    else:
        if isinstance(dataset, list):
            dataset = tuple(dataset)
        elements = list(Dataset.from_tensor_slices(dataset)._iterate())
    total = len(elements)
    left, right = _split_sizes(total, left_size, right_size)
    if shuffle:
        order = np.random.default_rng(
            seed if seed is not None else np.random.randint(2**31 - 1)
        ).permutation(total)
        elements = [elements[i] for i in order]
    return _from_elements(elements[:left]), _from_elements(elements[left : left + right])


def _from_elements(elements):
    leaves = [structure.flatten(e) for e in elements]
    stacked = [
        np.stack([np.asarray(structure.to_numpy(leaf)) for leaf in column])
        for column in zip(*leaves)
    ]
    return Dataset.from_tensor_slices(structure.pack_as(elements[0], stacked))
