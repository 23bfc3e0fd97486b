"""``IndexLookup``: the vocabulary table behind ``StringLookup`` and ``IntegerLookup``.

The table is a Python dict from token (``bytes`` or ``int``) to index; each
call looks up the distinct values of its input once.  ``adapt`` counts tokens
and orders the vocabulary as Keras does: by count, ties by token, both
descending.  Outputs are int64 Tensors (``tf_idf``: floatx) on the current
device.  An adapted vocabulary is saved with the model as the asset
``vocabulary.txt`` (Keras' ``save_assets`` / ``load_assets``).  Differences
from Keras: no ``sparse`` or ragged outputs; ``idf_weights`` are a NumPy
array, not a ``tf.Variable`` (an adapted ``tf_idf`` layer's weights are not
saved in ``.keras`` files).
"""

import collections
import os

import numpy as np
import torch

from .....framework import dtypes
from .....framework.convert import convert_to_tensor
from .....framework import errors
from .....framework.errors import InvalidArgumentError
from .....framework.op_errors import op_error
from .....framework.tensor import TensorOperators, wrap
from ....backend import config as backend_config
from ....backend.keras_tensor import KerasTensor
from ...layer import Layer
from . import categorical
from .adapt_data import adapt_batches
from .....ops.string_hash import to_hash_bucket_fast, to_hash_bucket_strong
from .....ops.cast_ops import cast

__all__ = ["IndexLookup", "validate_string_arg", "listify"]

_OUTPUT_MODES = ("int", "one_hot", "multi_hot", "count", "tf_idf")


def validate_string_arg(
    value, allowable_strings, caller_name, arg_name, allow_none=False, allow_callables=False
):
    """Keras' check of a string-valued argument (``ValueError`` naming the allowed values)."""
    if allow_none and value is None or allow_callables and callable(value):
        return
    if isinstance(value, str) and value in allowable_strings:
        return
    raise ValueError(
        "Unknown value for `%s` argument of %s. Allowed values are: %s. Received: %s=%s"
        % (arg_name, caller_name, allowable_strings, arg_name, value)
    )


def listify(value):
    """Tensors and NumPy arrays as (nested) lists, for configs; other values unchanged."""
    if isinstance(value, TensorOperators):
        value = value.numpy()
    if isinstance(value, np.ndarray):
        value = value.tolist()
    return value


class IndexLookup(Layer):
    """Maps tokens to integer indices through a vocabulary (Keras' base of the lookup layers).

    Not public in Keras either: use ``StringLookup`` or ``IntegerLookup``.
    """

    _text_encoding = "utf-8"
    _allow_non_tensor_positional_args = True  # Keras' lookups take Python tokens

    def __init__(
        self,
        max_tokens,
        num_oov_indices,
        mask_token,
        oov_token,
        vocabulary_dtype,
        vocabulary=None,
        idf_weights=None,
        invert=False,
        output_mode="int",
        sparse=False,
        pad_to_max_tokens=False,
        oov_method="floormod",
        name=None,
        salt=None,
        **kwargs,
    ):
        if max_tokens is not None and max_tokens <= 1:
            raise ValueError(
                "If set, `max_tokens` must be greater than 1. Received: max_tokens=%s" % max_tokens
            )
        if pad_to_max_tokens and max_tokens is None:
            raise ValueError(
                "If pad_to_max_tokens is True, must set `max_tokens`. Received: max_tokens=%s"
                % max_tokens
            )
        if num_oov_indices < 0:
            raise ValueError(
                "`num_oov_indices` must be greater than or equal to 0. Received: num_oov_indices=%s"
                % num_oov_indices
            )
        validate_string_arg(oov_method, ("floormod", "farmhash"), type(self).__name__, "oov_method")
        integer_keys = dtypes.as_dtype(vocabulary_dtype).is_integer
        if salt is not None:
            if integer_keys and oov_method != "farmhash":
                raise ValueError(
                    "`salt` can only be used when `oov_method='farmhash'`. Received: oov_method=%s"
                    % oov_method
                )
            if isinstance(salt, (tuple, list)) and len(salt) == 2:
                salt = list(salt)
            elif isinstance(salt, int):
                salt = [salt, salt]
            else:
                raise ValueError(
                    "The `salt` argument for `IndexLookup` can only be a tuple of 2 integers, or a "
                    "single integer. Received: salt=%s." % (salt,)
                )
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode == "tf-idf":
            output_mode = "tf_idf"
        validate_string_arg(output_mode, _OUTPUT_MODES, type(self).__name__, "output_mode")
        if invert and output_mode != "int":
            raise ValueError(
                "`output_mode` must be `'int'` when `invert` is true. Received: output_mode=%s"
                % output_mode
            )
        if sparse and output_mode == "int":
            raise ValueError(
                "`sparse` may only be true if `output_mode` is `'one_hot'`, `'multi_hot'`, "
                "`'count'` or "
                "`'tf_idf'`. Received: sparse=%s and output_mode=%s" % (sparse, output_mode)
            )
        if sparse:
            raise ValueError("`sparse=True` can only be used with the TensorFlow backend.")
        if idf_weights is not None and output_mode != "tf_idf":
            raise ValueError(
                "`idf_weights` should only be set if `output_mode` is `'tf_idf'`. Received: "
                "idf_weights=%s and output_mode=%s" % (idf_weights, output_mode)
            )
        frozen_vocab_size = kwargs.pop("vocabulary_size", None)
        has_input_vocabulary = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        kwargs.pop("trainable", None)
        kwargs.pop("dtype", None)
        if kwargs:
            raise ValueError("Unrecognized keyword argument(s): %s" % kwargs)
        super().__init__(name=name)
        self.autocast = False
        self.invert = invert
        self.max_tokens = max_tokens
        self.num_oov_indices = num_oov_indices
        self.mask_token = mask_token
        self.oov_token = oov_token
        self.output_mode = output_mode
        self.sparse = sparse
        self.pad_to_max_tokens = pad_to_max_tokens
        self.vocabulary_dtype = dtypes.as_dtype(vocabulary_dtype).name
        self.oov_method = oov_method
        self.salt = salt
        self._integer_keys = integer_keys
        self._frozen_vocab_size = frozen_vocab_size
        self.input_vocabulary = vocabulary if not isinstance(vocabulary, str) else None
        self.input_idf_weights = idf_weights
        self._has_input_vocabulary = has_input_vocabulary
        self._tokens = []
        self._table = {}
        self._installed = False  # TF's lookup table stays uninitialised until a vocabulary is set
        self.idf_weights = None
        if output_mode == "tf_idf" and has_input_vocabulary and idf_weights is None:
            raise ValueError(
                "When specifying the `vocabulary` argument, in TF-IDF output mode, the "
                "`idf_weights` "
                "argument must also be provided."
            )
        if idf_weights is not None:
            self.idf_weights = np.asarray(idf_weights, dtype=backend_config.floatx())
        self.reset_state()
        if vocabulary is not None:
            self.set_vocabulary(vocabulary, idf_weights)

    # ----------------------------------------------------------- dtypes
    @property
    def compute_dtype(self):
        """The vocabulary dtype (``'string'`` or ``'int64'``), as in Keras."""
        return self.vocabulary_dtype

    @property
    def variable_dtype(self):
        """The vocabulary dtype, as in Keras."""
        return self.vocabulary_dtype

    # ------------------------------------------------------- vocabulary
    def _oov_start_index(self):
        return 1 if self.mask_token is not None and self.output_mode == "int" else 0

    def _token_start_index(self):
        return self._oov_start_index() + self.num_oov_indices

    def _key(self, token):
        """``token`` in the table's key form (``bytes`` or ``int``)."""
        if self._integer_keys:
            return int(token)
        return token.encode(self._text_encoding) if isinstance(token, str) else bytes(token)

    def _token_out(self, key):
        """A table key as ``get_vocabulary`` shows it (``str`` or ``int``)."""
        if self._integer_keys:
            return key
        return key.decode(self._text_encoding)

    def vocabulary_size(self):
        """The vocabulary's size, mask and OOV indices included."""
        return len(self._tokens) + self._token_start_index()

    def get_vocabulary(self, include_special_tokens=True):
        """The vocabulary, index order; ``include_special_tokens=False`` drops the mask and OOV
        tokens."""
        vocab = [self.oov_token] * self._token_start_index() + [
            self._token_out(k) for k in self._tokens
        ]
        if self.mask_token is not None and self.output_mode == "int":
            vocab[0] = self.mask_token
        if not include_special_tokens:
            vocab = vocab[self._token_start_index() :]
        return vocab

    def _install(self, keys):
        start = self._token_start_index()
        self._tokens = list(keys)
        self._table = {key: start + i for i, key in enumerate(self._tokens)}
        self._installed = True

    def _record_vocabulary_size(self):
        self._ensure_vocab_size_unchanged()
        self._frozen_vocab_size = self.vocabulary_size()

    def _ensure_vocab_size_unchanged(self):
        if self.output_mode == "int" or self.pad_to_max_tokens:
            return
        new_size = self.vocabulary_size()
        if self._frozen_vocab_size is not None and new_size != self._frozen_vocab_size:
            raise RuntimeError(
                "When using `output_mode=%s` and `pad_to_max_tokens=False`, the vocabulary size "
                "cannot "
                "be changed after the layer is called. Old vocab size is %s, new vocab size is %s"
                % (self.output_mode, self._frozen_vocab_size, new_size)
            )

    def _ensure_known_vocab_size(self):
        if self.output_mode == "int" or self.pad_to_max_tokens:
            return
        if self._frozen_vocab_size is None:
            raise RuntimeError(
                "When using `output_mode=%s` and `pad_to_max_tokens=False`, you must set the "
                "layer's "
                "vocabulary before calling it. Either pass a `vocabulary` argument to the layer, "
                "or "
                "call `adapt` with some sample data." % self.output_mode
            )

    def _vocabulary_array(self, vocabulary):
        if isinstance(vocabulary, TensorOperators):
            vocabulary = vocabulary.numpy()
        if self._integer_keys:
            return [int(v) for v in np.asarray(vocabulary).reshape(-1)]
        return [
            v.decode(self._text_encoding) if isinstance(v, bytes) else str(v)
            for v in np.asarray(vocabulary, dtype=object).reshape(-1)
        ]

    def _read_vocabulary_file(self, path):
        from ....saving.serialization_lib import in_safe_mode

        if in_safe_mode():
            raise ValueError(
                "Requested the loading of a vocabulary file outside of the model archive. This "
                "carries a "
                "potential risk of loading arbitrary and sensitive files and thus it is "
                "disallowed by "
                "default. If you trust the source of the artifact, you can override this error by "
                "passing "
                "`safe_mode=False` to the loading function, or calling "
                "`keras.config.enable_unsafe_deserialization(). Vocabulary file: '%s'" % path
            )
        if not os.path.exists(path):
            raise ValueError("Vocabulary file %s does not exist." % path)
        if self.output_mode == "tf_idf":
            raise ValueError(
                "output_mode `'tf_idf'` does not support loading a vocabulary from file."
            )
        with open(path, encoding=self._text_encoding) as f:
            lines = f.read().splitlines()
        return [int(line) for line in lines] if self._integer_keys else lines

    def set_vocabulary(self, vocabulary, idf_weights=None):
        """Sets the vocabulary (a list / array / tensor of tokens, or a text file with one token a
        line).

        ``idf_weights`` must be given exactly when ``output_mode='tf_idf'``.
        The mask and OOV tokens may lead the vocabulary (in that order) or be left out.
        """
        if self.output_mode == "tf_idf":
            if idf_weights is None:
                raise ValueError("`idf_weights` must be set if output_mode is 'tf_idf'.")
        elif idf_weights is not None:
            raise ValueError(
                "`idf_weights` should only be set if output_mode is `'tf_idf'`. Received: "
                "output_mode=%s "
                "and idf_weights=%s" % (self.output_mode, idf_weights)
            )
        if isinstance(vocabulary, str):
            vocabulary = self._read_vocabulary_file(vocabulary)
        else:
            vocabulary = self._vocabulary_array(vocabulary)
        if isinstance(idf_weights, TensorOperators):
            idf_weights = idf_weights.numpy()
        if not vocabulary:
            raise ValueError(
                "Cannot set an empty vocabulary. Received: vocabulary=%s" % np.array(vocabulary)
            )
        token_start = self._token_start_index()
        special_tokens = [self.mask_token] * self._oov_start_index() + [
            self.oov_token
        ] * self.num_oov_indices
        found_special_tokens = vocabulary[:token_start] == special_tokens
        tokens = vocabulary[token_start:] if found_special_tokens else vocabulary
        repeated = [item for item, count in collections.Counter(tokens).items() if count > 1]
        if repeated:
            raise ValueError(
                "The passed vocabulary has at least one repeated term. Please uniquify your "
                "dataset. The "
                "repeated terms are: %s" % repeated
            )
        for token, role in (
            (self.mask_token, "mask"),
            (self.oov_token if self.invert else None, "OOV"),
        ):
            if token is not None and token in tokens:
                index = len(vocabulary) - 1 - vocabulary[::-1].index(token)
                raise ValueError(
                    "Found reserved %s token at unexpected location in `vocabulary`. Note that "
                    "passed "
                    "`vocabulary` does not need to include the OOV and mask tokens. Either remove "
                    "all mask "
                    "and OOV tokens, or include them only at the start of the vocabulary in "
                    "precisely this "
                    "order: %s. Received: %s_token=%s at vocabulary index [%d]"
                    % (role, special_tokens, role.lower(), token, index)
                )
        new_size = token_start + len(tokens)
        if self.max_tokens is not None and new_size > self.max_tokens:
            raise ValueError(
                "Attempted to set a vocabulary larger than the maximum vocab size. Received "
                "vocabulary "
                "size is %d; `max_tokens` is %d." % (new_size, self.max_tokens)
            )
        self._install(self._key(t) for t in tokens)
        self._record_vocabulary_size()
        if self.output_mode == "tf_idf":
            self._set_idf_weights(idf_weights, len(vocabulary), found_special_tokens)

    def _set_idf_weights(self, idf_weights, vocabulary_length, found_special_tokens):
        idf_weights = np.asarray(idf_weights)
        if len(idf_weights) != vocabulary_length:
            raise ValueError(
                "`idf_weights` must be the same length as vocabulary. len(idf_weights) is %d; "
                "len(vocabulary) is %d" % (len(idf_weights), vocabulary_length)
            )
        if idf_weights.ndim != 1:
            raise ValueError(
                "TF-IDF data must be a 1-index array. Received: type(idf_weights)=%s"
                % type(idf_weights)
            )
        front = 0 if found_special_tokens else self._token_start_index()
        front_value = 0 if found_special_tokens else np.average(idf_weights)
        back = (
            self.max_tokens - front - len(idf_weights)
            if self.pad_to_max_tokens and self.max_tokens
            else 0
        )
        weights = np.pad(idf_weights, (front, back), "constant", constant_values=(front_value, 0))
        self.idf_weights = weights.astype(backend_config.floatx())

    # ------------------------------------------------------------ adapt
    def _as_array(self, data, integer=None):
        """``data`` as a NumPy array of table keys' type (object array of ``bytes``, or int64
        when ``integer``)."""
        integer = self._integer_keys if integer is None else integer
        if isinstance(data, torch.Tensor):
            data = wrap(data.detach())
        if isinstance(data, TensorOperators):
            if not integer and data.dtype is not dtypes.string:
                cast(data, dtypes.string)  # Keras casts: TF has no number -> string cast
            value = data._value
            if integer and self._integer_keys and isinstance(value, np.ndarray) and value.size:
                # Keras reads the (NumPy text) input as integers: Python's int() error
                first = value.flat[0]
                text = first.decode("utf-8", "replace") if isinstance(first, bytes) else first
                raise ValueError("invalid literal for int() with base 10: %r" % np.str_(text))
            return value if isinstance(value, np.ndarray) else value.cpu().numpy()
        if integer:
            return np.asarray(data, dtype=np.int64)
        tensor = convert_to_tensor(data)
        if tensor.dtype is not dtypes.string:
            cast(tensor, dtypes.string)  # Keras casts: TF has no number -> string cast
        return tensor._value

    def adapt(self, data, steps=None):
        """Learns the vocabulary (and, for ``tf_idf``, document frequencies) from ``data``.

        ``data``: a batched ``tf.data.Dataset``, a list / NumPy array / tensor
        (a 1-D one is a column of one-token documents), or any iterable of
        batches; ``steps`` limits the batches read from a dataset or iterable.
        """
        self.reset_state()
        for batch in adapt_batches(data, steps, self._as_array):
            self.update_state(batch)
        self.finalize_state()

    def update_state(self, data):
        """Adds the tokens of one batch (each row a document) to the counts ``finalize_state``
        turns into a vocabulary."""
        array = self._as_array(data)
        if array.ndim == 0:
            array = array.reshape(1)
        if array.ndim == 1:
            array = array[None]
        self._count_documents([row.reshape(-1) for row in array])

    def _count_documents(self, documents):
        """Counts the tokens of ``documents`` (a list of 1-D arrays of table keys)."""
        if self._has_input_vocabulary:
            raise ValueError(
                "Cannot adapt layer '%s' after setting a static vocabulary via `vocabulary` "
                "argument or "
                "`set_vocabulary()` method." % self.name
            )
        if not documents:
            return
        tokens, counts = np.unique(np.concatenate(documents), return_counts=True)
        for token, count in zip(tokens.tolist(), counts.tolist()):
            self._token_counts[token] += count
        if self.output_mode == "tf_idf":
            for document in documents:
                for token in set(document.tolist()):
                    self._document_counts[token] += 1
            self._num_documents += len(documents)

    def finalize_state(self):
        """Builds the vocabulary from the counts: by count, ties by token, both descending;
        truncated to ``max_tokens``."""
        if self._has_input_vocabulary or not self._token_counts:
            self._record_vocabulary_size()
            return
        for special in (self.mask_token, self.oov_token):
            if special is not None:
                self._token_counts.pop(self._key(special), None)
        ordered = sorted(
            self._token_counts.items(), key=lambda item: (item[1], item[0]), reverse=True
        )
        if self.max_tokens:
            ordered = ordered[: self.max_tokens - self._token_start_index()]
        keys = [token for token, _ in ordered]
        self._install(keys)
        if self.output_mode == "tf_idf":
            document_counts = np.array([self._document_counts[k] for k in keys], dtype=np.float64)
            idf = np.log(1 + self._num_documents / (1 + document_counts)).astype(
                backend_config.floatx()
            )
            idf = np.pad(idf, (self._token_start_index(), 0), constant_values=np.mean(idf))
            if self.pad_to_max_tokens and self.max_tokens is not None:
                idf = np.pad(idf, (0, self.max_tokens - idf.size), constant_values=0)
            self.idf_weights = idf
        self.reset_state()
        self._record_vocabulary_size()

    def reset_state(self):
        """Clears the counts gathered by ``update_state``."""
        self._token_counts = collections.Counter()
        self._document_counts = collections.Counter()
        self._num_documents = 0

    # ------------------------------------------------------------- call
    def _check_table(self):
        """TF's error for a lookup before any vocabulary was set (its table is uninitialised)."""
        if not self._installed:
            raise errors.FailedPreconditionError(
                None, None, op_error("LookupTableFindV2", "Table not initialized.").message
            )

    def call(self, inputs):
        self._ensure_known_vocab_size()
        self._check_table()
        keys = self._as_array(inputs, integer=self._integer_keys or self.invert)
        if self.invert:
            keys = keys.astype(np.int64)
        return self._output(self._lookup(keys))

    def _output(self, lookups):
        """The output Tensor for an array of looked-up indices (or tokens, when inverting)."""
        if self.invert:
            if self._integer_keys:
                return categorical.to_tensor(lookups.astype(np.int64))
            return convert_to_tensor(lookups, dtype=dtypes.string)
        if self.output_mode == "int":
            return categorical.to_tensor(lookups)
        depth = self.max_tokens if self.pad_to_max_tokens else self._frozen_vocab_size
        mode = "count" if self.output_mode == "tf_idf" else self.output_mode
        encoded = categorical.encode(lookups, mode, depth)
        if self.output_mode == "tf_idf":
            if self.idf_weights is None:
                raise ValueError(
                    "When `output_mode` is `'tf_idf'`, `idf_weights` must be provided."
                )
            return categorical.to_tensor(encoded.astype(self.idf_weights.dtype) * self.idf_weights)
        return categorical.to_tensor(encoded)

    def _lookup(self, keys):
        flat = keys.reshape(-1)
        uniques, inverse = np.unique(flat, return_inverse=True)
        if self.invert:
            default = self.oov_token
            values = [
                self._tokens[u - self._token_start_index()]
                if self._token_start_index() <= u < self.vocabulary_size()
                else default
                for u in uniques.tolist()
            ]
            if self.mask_token is not None:
                values = [
                    self.mask_token if u == 0 else v for u, v in zip(uniques.tolist(), values)
                ]
            values = [self._token_out(v) if isinstance(v, bytes) else v for v in values]
            out = np.empty(len(values), dtype=object)
            out[:] = values
            return out[inverse].reshape(keys.shape)
        default = self._oov_start_index() if self.num_oov_indices == 1 else -1
        values = np.array([self._table.get(u, default) for u in uniques.tolist()], dtype=np.int64)
        if self.mask_token is not None:
            mask_value = 0 if self.output_mode == "int" else np.iinfo(np.int64).max
            mask_key = self._key(self.mask_token)
            values[np.array([u == mask_key for u in uniques.tolist()], dtype=bool)] = mask_value
        if self.num_oov_indices == 0 and (values == -1).any():
            missing = flat[(values == -1)[inverse]]
            shown = " ".join(
                str(int(v)) if self._integer_keys else '"%s"' % v.decode("utf-8", "replace")
                for v in missing
            )
            raise InvalidArgumentError(
                None,
                None,
                "When `num_oov_indices=0` all inputs should be in vocabulary, found "
                "OOV values [%s], consider setting `num_oov_indices=1`." % shown,
            )
        if self.num_oov_indices > 1:
            oov = values == -1
            if oov.any():
                values[oov] = self._oov_indices(uniques[oov]) + self._oov_start_index()
        return values[inverse].reshape(keys.shape)

    def _oov_indices(self, keys):
        if self._integer_keys and self.oov_method != "farmhash":
            return np.asarray(keys, dtype=np.int64) % self.num_oov_indices
        if self._integer_keys:
            keys = np.array([str(int(k)).encode() for k in keys], dtype=object)
        if self.salt is not None:
            return to_hash_bucket_strong(keys, self.num_oov_indices, self.salt)
        return to_hash_bucket_fast(keys, self.num_oov_indices)

    # ----------------------------------------------------------- shapes
    def compute_output_shape(self, input_shape):
        if self.output_mode == "int":
            return tuple(input_shape)
        depth = self.max_tokens if self.pad_to_max_tokens else self._frozen_vocab_size
        input_shape = tuple(input_shape)
        if self.output_mode == "one_hot":
            if len(input_shape) > 1 and input_shape[-1] == 1:
                return input_shape[:-1] + (depth,)
            return input_shape + (depth,)
        return input_shape[:-1] + (depth,)

    def compute_output_spec(self, inputs):
        if self.invert:
            dtype = self.vocabulary_dtype
        else:
            dtype = "int64" if self.output_mode == "int" else backend_config.floatx()
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=dtype)

    # ----------------------------------------------------------- config
    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "invert": self.invert,
                "max_tokens": self.max_tokens,
                "num_oov_indices": self.num_oov_indices,
                "oov_token": self.oov_token,
                "mask_token": self.mask_token,
                "output_mode": self.output_mode,
                "sparse": self.sparse,
                "pad_to_max_tokens": self.pad_to_max_tokens,
                "vocabulary_dtype": self.vocabulary_dtype,
                "idf_weights": listify(self.input_idf_weights),
                "vocabulary": listify(self.input_vocabulary),
                "vocabulary_size": self._frozen_vocab_size,
                "oov_method": self.oov_method,
                "salt": self.salt,
            }
        )
        return config

    def get_build_config(self):
        return {}

    def build_from_config(self, config):
        self.build(None)

    def save_assets(self, dir_path):
        """Writes an adapted vocabulary to ``dir_path/vocabulary.txt`` (nothing when it was given
        as an argument)."""
        if self.input_vocabulary is not None:
            return
        with open(os.path.join(dir_path, "vocabulary.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(str(w) for w in self.get_vocabulary(include_special_tokens=True)))

    def load_assets(self, dir_path):
        """Restores the vocabulary written by ``save_assets`` (nothing when ``dir_path`` is
        ``None``)."""
        if self.input_vocabulary is not None or dir_path is None:
            return
        with open(os.path.join(dir_path, "vocabulary.txt"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        while lines and lines[-1] == "":
            lines.pop()
        values = [int(line) for line in lines] if self._integer_keys else lines
        self.set_vocabulary(
            values, idf_weights=self.idf_weights if self.output_mode == "tf_idf" else None
        )
