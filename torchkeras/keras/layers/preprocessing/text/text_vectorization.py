"""``keras.layers.TextVectorization``: strings -> token indices or bag-of-words vectors."""

import numpy as np
import torch

from .....framework import dtypes
from .....framework.convert import convert_to_tensor
from .....framework.tensor import TensorOperators
from .....ops.cast_ops import cast
from ....backend import config as backend_config
from ....backend.keras_tensor import KerasTensor
from ...layer import Layer
from . import categorical, text_processing
from .adapt_data import adapt_batches
from .index_lookup import listify, validate_string_arg
from .string_lookup import StringLookup
from .....api_export import keras_export

__all__ = ["TextVectorization"]

_STANDARDIZE = ("lower_and_strip_punctuation", "lower", "strip_punctuation")
_SPLIT = ("whitespace", "character")
_OUTPUT_MODES = ("int", "one_hot", "multi_hot", "count", "tf_idf")


def _strings(inputs):
    """Any string input as a NumPy object array of ``bytes`` (Keras' ``ensure_tensor(inputs,
    "string")``: a tensor of another dtype is cast, which TF refuses; anything else is
    converted to a string tensor)."""
    if isinstance(inputs, TensorOperators):
        if inputs.dtype != dtypes.string:
            cast(inputs, dtypes.string)
        return inputs._value if isinstance(inputs._value, np.ndarray) else inputs.numpy()
    if isinstance(inputs, torch.Tensor):
        inputs = inputs.detach().cpu().numpy()
    return convert_to_tensor(inputs, dtype=dtypes.string)._value


def _pad_rows(rows, length, value):
    """Ragged int rows as an int64 array of ``length`` columns (the longest row when ``None``)."""
    if length is None:
        length = max((len(r) for r in rows), default=0)
    out = np.full((len(rows), length), value, dtype=np.int64)
    for i, row in enumerate(rows):
        row = row[:length]
        out[i, : len(row)] = row
    return out


@keras_export("keras.layers.TextVectorization")
class TextVectorization(Layer):
    """Standardizes, splits and n-grams strings, then maps tokens through a vocabulary (Keras'
    ``TextVectorization``).

    ``standardize``: ``"lower_and_strip_punctuation"`` (default), ``"lower"``,
    ``"strip_punctuation"``, ``None`` or a callable; ``split``:
    ``"whitespace"``, ``"character"``, ``None`` or a callable; ``ngrams``: an
    int or a tuple of widths.  ``output_mode="int"`` gives int64 index
    sequences padded with 0 (to ``output_sequence_length`` when set, else to
    the longest row); ``multi_hot`` / ``count`` / ``one_hot`` give int64 and
    ``tf_idf`` floatx vectors.  ``adapt`` learns the vocabulary from a
    dataset, an array or list of strings, or an iterable of batches, in
    Keras' order.  Differences from Keras (those of its non-TensorFlow
    backends): a callable ``standardize`` receives a NumPy array of ``str``
    and returns an array-like of strings; a callable ``split`` receives the
    1-D NumPy array of ``str`` and returns one list of tokens per string;
    ``ragged`` and ``sparse`` outputs are refused.
    """

    _convert_input_args = False  # Keras converts inputs to strings in ``call``
    _allow_non_tensor_positional_args = True  # Python strings too

    def __init__(
        self,
        max_tokens=None,
        standardize="lower_and_strip_punctuation",
        split="whitespace",
        ngrams=None,
        output_mode="int",
        output_sequence_length=None,
        pad_to_max_tokens=False,
        vocabulary=None,
        idf_weights=None,
        sparse=False,
        ragged=False,
        encoding="utf-8",
        name=None,
        **kwargs,
    ):
        if sparse:
            raise ValueError("`sparse=True` can only be used with the TensorFlow backend.")
        if ragged:
            raise ValueError("`ragged=True` can only be used with the TensorFlow backend.")
        validate_string_arg(
            standardize,
            _STANDARDIZE,
            type(self).__name__,
            "standardize",
            allow_none=True,
            allow_callables=True,
        )
        validate_string_arg(
            split, _SPLIT, type(self).__name__, "split", allow_none=True, allow_callables=True
        )
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode == "tf-idf":
            output_mode = "tf_idf"
        validate_string_arg(output_mode, _OUTPUT_MODES, type(self).__name__, "output_mode")
        if not (
            ngrams is None
            or isinstance(ngrams, int)
            or isinstance(ngrams, tuple)
            and all(isinstance(item, int) for item in ngrams)
        ):
            raise ValueError(
                "`ngrams` must be None, an integer, or a tuple of integers. Received: ngrams=%s"
                % (ngrams,)
            )
        if output_mode == "int" and not (
            isinstance(output_sequence_length, int) or output_sequence_length is None
        ):
            raise ValueError(
                "`output_sequence_length` must be either None or an integer when `output_mode` is "
                "'int'. "
                "Received: output_sequence_length=%s" % output_sequence_length
            )
        if output_mode != "int" and output_sequence_length is not None:
            raise ValueError(
                "`output_sequence_length` must not be set if `output_mode` is not 'int'. Received "
                "output_sequence_length=%s." % output_sequence_length
            )
        has_input_vocabulary = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        vocabulary_size = kwargs.pop("vocabulary_size", None)
        super().__init__(name=name, **kwargs)
        self.autocast = False
        self._standardize = standardize
        self._split = split
        self._ngrams_arg = ngrams
        self._ngrams = tuple(range(1, ngrams + 1)) if isinstance(ngrams, int) else ngrams
        self._ragged = ragged
        self._output_mode = output_mode
        self._output_sequence_length = output_sequence_length
        self._encoding = encoding
        self._has_input_vocabulary = has_input_vocabulary
        self._lookup_layer = StringLookup(
            max_tokens=max_tokens,
            vocabulary=vocabulary,
            idf_weights=idf_weights,
            pad_to_max_tokens=pad_to_max_tokens,
            mask_token="",
            output_mode=output_mode,
            sparse=sparse,
            has_input_vocabulary=has_input_vocabulary,
            encoding=encoding,
            vocabulary_size=vocabulary_size,
        )

    @property
    def compute_dtype(self):
        """``'string'``, as in Keras."""
        return "string"

    @property
    def variable_dtype(self):
        """``'string'``, as in Keras."""
        return "string"

    def build(self, input_shape=None):
        self.built = True

    # ----------------------------------------------------------- vocabulary
    def get_vocabulary(self, include_special_tokens=True):
        """The vocabulary, index order: ``''`` (padding) and ``'[UNK]'`` first unless
        ``include_special_tokens=False``."""
        return self._lookup_layer.get_vocabulary(include_special_tokens)

    def vocabulary_size(self):
        """The vocabulary's size, padding and OOV tokens included."""
        return self._lookup_layer.vocabulary_size()

    def set_vocabulary(self, vocabulary, idf_weights=None):
        """Sets the vocabulary (and ``idf_weights`` for ``tf_idf``) directly instead of
        ``adapt``."""
        self._lookup_layer.set_vocabulary(vocabulary, idf_weights=idf_weights)

    def adapt(self, data, batch_size=None, steps=None):
        """Learns the vocabulary from a batched ``tf.data.Dataset``, a list / array of strings or an
        iterable of batches.

        Tokens are ordered by count, ties by token (both descending), then cut to ``max_tokens``.
        """
        self.reset_state()
        for batch in adapt_batches(data, steps, _strings):
            self.update_state(batch)
        self.finalize_state()

    def update_state(self, data):
        """Counts the tokens of one batch of strings."""
        rows = self._preprocess(data)
        if isinstance(rows, np.ndarray):
            documents = [
                row.reshape(-1) for row in (rows.reshape(1, -1) if rows.ndim < 2 else rows)
            ]
        else:
            documents = [np.array(row, dtype=object).reshape(-1) for row in rows]
        self._lookup_layer._count_documents(documents)

    def finalize_state(self):
        """Turns the counts into the vocabulary."""
        self._lookup_layer.finalize_state()

    def reset_state(self):
        """Clears the counts."""
        self._lookup_layer.reset_state()

    # ------------------------------------------------------------ strings
    def _standardized(self, array):
        if callable(self._standardize):
            text = (
                np.vectorize(lambda v: v.decode(self._encoding), otypes=[str])(array)
                if array.size
                else np.asarray(array, dtype=str)
            )
            return text_processing.as_bytes_array(
                np.asarray(self._standardize(text)), self._encoding
            )
        if self._standardize in ("lower", "lower_and_strip_punctuation"):
            array = text_processing.lower(array)
        if self._standardize in ("strip_punctuation", "lower_and_strip_punctuation"):
            array = text_processing.strip_punctuation(array)
        return array

    def _preprocess(self, inputs):
        """Standardized strings: an array (no ``split``) or a list of token lists, one per
        string."""
        array = self._standardized(_strings(inputs))
        if self._split is None:
            if self._ngrams is not None:
                rows = [
                    list(r)
                    for r in (
                        array.reshape(-1, array.shape[-1]) if array.ndim else array.reshape(1, 1)
                    )
                ]
                return text_processing.ngrams(rows, self._ngrams)
            return array
        if array.ndim > 1:
            if array.shape[-1] != 1:
                raise ValueError(
                    "When using `TextVectorization` to tokenize strings, the input rank must be 1 "
                    "or the "
                    "last shape dimension must be 1. Received: inputs.shape=%s with rank=%d"
                    % (tuple(array.shape), array.ndim)
                )
            array = array.reshape(array.shape[:-1])
        if self._split == "whitespace":
            rows = text_processing.split_whitespace(array)
        elif self._split == "character":
            rows = text_processing.split_characters(array, self._encoding)
        else:
            text = [v.decode(self._encoding) for v in array.reshape(-1)]
            rows = [
                list(text_processing.as_bytes_array(list(r), self._encoding)) if len(r) else []
                for r in self._split(np.array(text, dtype=str))
            ]
        if self._ngrams is not None:
            rows = text_processing.ngrams(rows, self._ngrams)
        return rows

    # --------------------------------------------------------------- call
    def call(self, inputs):
        lookup = self._lookup_layer
        lookup._ensure_known_vocab_size()
        processed = self._preprocess(inputs)
        lookup._check_table()
        if isinstance(processed, np.ndarray):
            indices = lookup._lookup(processed)
            if self._output_mode != "int":
                return lookup._output(indices)
            if self._output_sequence_length is not None:
                indices = indices[..., : self._output_sequence_length]
                pad = self._output_sequence_length - indices.shape[-1]
                indices = np.pad(indices, [(0, 0)] * (indices.ndim - 1) + [(0, pad)])
            return categorical.to_tensor(indices)
        lengths = [len(r) for r in processed]
        flat = np.empty(sum(lengths), dtype=object)
        flat[:] = [token for row in processed for token in row]
        looked_up = lookup._lookup(flat)
        rows = np.split(looked_up, np.cumsum(lengths)[:-1]) if processed else []
        scalar = len(getattr(inputs, "shape", np.shape(inputs))) == 0
        if self._output_mode == "int":
            padded = _pad_rows(rows, self._output_sequence_length, 0)
            return categorical.to_tensor(padded[0] if scalar else padded)
        padded = _pad_rows(rows, None, -1)
        return lookup._output(padded[0] if scalar else padded)

    def compute_output_shape(self, input_shape):
        if self._output_mode == "int":
            return (input_shape[0], self._output_sequence_length)
        if self._split is None:
            if len(input_shape) <= 1:
                input_shape = tuple(input_shape) + (1,)
        else:
            input_shape = tuple(input_shape) + (None,)
        return self._lookup_layer.compute_output_shape(input_shape)

    def compute_output_spec(self, inputs):
        dtype = "int64" if self._output_mode == "int" else backend_config.floatx()
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=dtype)

    # ------------------------------------------------------------- config
    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "max_tokens": self._lookup_layer.max_tokens,
                "standardize": self._standardize,
                "split": self._split,
                "ngrams": self._ngrams_arg,
                "output_mode": self._output_mode,
                "output_sequence_length": self._output_sequence_length,
                "pad_to_max_tokens": self._lookup_layer.pad_to_max_tokens,
                "sparse": self._lookup_layer.sparse,
                "ragged": self._ragged,
                "vocabulary": listify(self._lookup_layer.input_vocabulary),
                "idf_weights": listify(self._lookup_layer.input_idf_weights),
                "encoding": self._encoding,
                "vocabulary_size": self.vocabulary_size(),
            }
        )
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if isinstance(config.get("ngrams"), list):
            config["ngrams"] = tuple(config["ngrams"])
        return super().from_config(config)

    def get_build_config(self):
        """``None``, as Keras: the layer needs no input shape to build."""
        return None

    def build_from_config(self, config):
        self.build(None)

    def save_assets(self, dir_path):
        """Writes an adapted vocabulary to ``dir_path/vocabulary.txt``."""
        self._lookup_layer.save_assets(dir_path)

    def load_assets(self, dir_path):
        """Restores the vocabulary written by ``save_assets``."""
        self._lookup_layer.load_assets(dir_path)
