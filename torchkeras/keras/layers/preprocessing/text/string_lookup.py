"""``keras.layers.StringLookup``: strings -> vocabulary indices (or back, with ``invert=True``)."""

from .index_lookup import IndexLookup
from .....api_export import keras_export

__all__ = ["StringLookup"]


@keras_export("keras.layers.StringLookup")
class StringLookup(IndexLookup):
    """Maps strings to indices through a vocabulary given as ``vocabulary`` or learned by ``adapt``.

    Index 0 is the mask token (when ``mask_token`` is set and
    ``output_mode='int'``), then ``num_oov_indices`` OOV buckets (strings
    hashed with FarmHash, or SipHash when ``salt`` is set, as in TF), then the
    vocabulary.  ``output_mode`` ``one_hot`` / ``multi_hot`` / ``count`` give
    int64 tensors and ``tf_idf`` floatx ones, like Keras on TensorFlow.
    Inputs: string Tensors, NumPy arrays or lists of ``str`` / ``bytes``.
    Differences from Keras: ``sparse=True`` is refused (as on Keras' non-TF
    backends); an ``invert`` lookup returns a string Tensor.
    """

    def __init__(
        self,
        max_tokens=None,
        num_oov_indices=1,
        mask_token=None,
        oov_token="[UNK]",
        vocabulary=None,
        idf_weights=None,
        invert=False,
        output_mode="int",
        pad_to_max_tokens=False,
        sparse=False,
        encoding="utf-8",
        name=None,
        salt=None,
        **kwargs,
    ):
        self.__dict__["encoding"] = encoding
        self.__dict__["_text_encoding"] = encoding
        super().__init__(
            max_tokens=max_tokens,
            num_oov_indices=num_oov_indices,
            mask_token=mask_token,
            oov_token=oov_token,
            vocabulary=vocabulary,
            idf_weights=idf_weights,
            invert=invert,
            output_mode=output_mode,
            pad_to_max_tokens=pad_to_max_tokens,
            sparse=sparse,
            name=name,
            salt=salt,
            vocabulary_dtype="string",
            **kwargs,
        )

    def get_config(self):
        config = super().get_config()
        del config["vocabulary_dtype"]
        config["encoding"] = self.encoding
        return config
