"""The base of the merge layers: a list of tensors of compatible shapes -> one tensor."""

import numpy as np

from ....framework.convert import to_torch
from ....framework.tensor import wrap
from ..layer import Layer


def _broadcast_shape(a, b):
    """Keras' ``_compute_elemwise_op_output_shape``: the shorter shape aligned right, ``None``
    (an unknown shape) wins."""
    if a is None or b is None:
        return None
    a, b = tuple(a), tuple(b)
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return a
    out = list(a[: -len(b)])
    for x, y in zip(a[-len(b) :], b):
        if x is None or y is None:
            out.append(None)
        elif x == 1 or y == 1 or x == y:
            out.append(y if x == 1 else x)
        else:
            raise ValueError("Inputs have incompatible shapes. Received shapes %s and %s" % (a, b))
    return tuple(out)


def _expand_to_rank(values):
    """Keras' merge of inputs of different ranks: the lower-rank ones get new axes after the
    batch axis."""
    rank = max(v.ndim for v in values)
    return [v.reshape(v.shape[:1] + (1,) * (rank - v.ndim) + v.shape[1:]) for v in values]


class Merge(Layer):
    """Applies ``_merge_function`` to the storages of a list of at least two inputs
    (broadcasting)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def build(self, input_shape):
        if not input_shape:
            input_shape = None  # an empty list has no shape: Keras builds on None
        if not isinstance(input_shape[0], (tuple, list)):
            raise ValueError(
                "A merge layer should be called on a list of inputs. Received: input_shape=%s "
                "(not a list of shapes)" % (input_shape,)
            )
        batch_sizes = {s[0] for s in input_shape if s} - {None}
        if len(batch_sizes) > 1:
            raise ValueError(
                "Cannot merge tensors with different batch sizes. Received tensors with shapes "
                "%s" % (input_shape,)
            )
        shape = input_shape[0][1:]
        for other in input_shape[1:]:
            shape = _broadcast_shape(shape, None if other is None else other[1:])
        self.built = True

    def call(self, inputs):
        if not isinstance(inputs, (list, tuple)):
            raise ValueError(
                "A merge layer should be called on a list of inputs. Received: inputs=%s (not a "
                "list of tensors)" % (inputs,)
            )
        try:
            values = [x._value for x in inputs]
            if self._expand_ranks and len({v.ndim for v in values}) > 1:
                values = _expand_to_rank(values)
            return wrap(self._merge_function(values))
        except Exception:
            error = self._keras_error(inputs)
            if error is None:
                raise
        raise error

    def _keras_error(self, inputs):
        """The error Keras' merge by ``keras.ops`` raises for ``inputs`` where the torch
        merge failed (strings, ``None``, dtypes torch does not combine), or None."""
        operation = self._keras_op
        if operation is None:
            return None
        from ...ops import _numpy_elementwise as ops
        from ...ops._strings import StringInputError, outcome

        strings = [x for x in inputs if isinstance(getattr(x, "_value", None), np.ndarray)]
        try:
            output = inputs[0]
            for x in inputs[1:]:
                if strings:
                    output = outcome(StringInputError(strings[0]), operation, (output, x), {})
                else:
                    output = getattr(ops, operation)(output, x)
        except Exception as error:  # noqa: BLE001 - the outcome is the error to report
            return error
        return None

    _keras_op = None
    """The ``keras.ops`` function Keras' merge applies pairwise (its error path)."""

    _expand_ranks = True
    """Whether inputs of lower rank get new axes after the batch axis (Keras' reshape)."""

    def _merge_function(self, values):
        raise NotImplementedError

    @staticmethod
    def _check_masks(inputs, mask):
        if not isinstance(mask, (tuple, list)):
            raise ValueError("`mask` should be a list. Received: mask=%s" % (mask,))
        if not isinstance(inputs, (tuple, list)):
            raise ValueError("`inputs` should be a list. Received: inputs=%s" % (inputs,))
        if len(mask) != len(inputs):
            raise ValueError(
                "The lists `inputs` and `mask` should have the same length. Received: inputs=%s of "
                "length %d, and mask=%s of length %d" % (inputs, len(inputs), mask, len(mask))
            )

    def compute_mask(self, inputs, mask=None):
        """Keras' merged mask: ``None`` unless every input is masked, else the logical OR of the
        masks."""
        if mask is None:
            return None
        self._check_masks(inputs, mask)
        if any(m is None for m in mask):
            return None
        merged = to_torch(mask[0]).bool()
        for m in mask[1:]:
            merged = merged | to_torch(m).bool()
        return wrap(merged)

    def compute_output_shape(self, input_shape):
        shape = tuple(input_shape[0][1:])
        for other in input_shape[1:]:
            shape = _broadcast_shape(shape, other[1:])
        batches = {s[0] for s in input_shape if s[0] is not None}
        return ((batches.pop() if len(batches) == 1 else None),) + shape
