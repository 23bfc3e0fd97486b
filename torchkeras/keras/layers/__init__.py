"""``keras.layers``: the Layer base and every built-in layer.

Filled from the export registry (``api_export``): each layer declares its
``keras.layers.*`` names (``MaxPooling2D`` and ``MaxPool2D`` ...) where it is defined.
"""
from ...api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "keras.layers", ".activations", ".attention", ".convolutional",
                           ".core.activation", ".core.dense", ".core.einsum_dense",
                           ".core.embedding", ".core.identity", ".core.input_layer",
                           ".core.lambda_layer", ".core.masking", ".core.torch_module_wrapper",
                           ".core.wrapper", ".input_spec", ".layer", ".merging.concatenate",
                           ".merging.dot", ".merging.elementwise", ".merging.functional",
                           ".normalization.batch_normalization",
                           ".normalization.group_normalization",
                           ".normalization.layer_normalization", ".normalization.rms_normalization",
                           ".normalization.spectral_normalization",
                           ".normalization.unit_normalization", ".pooling",
                           ".pooling.adaptive_pooling", ".preprocessing",
                           ".preprocessing.text", ".preprocessing_discretization",
                           ".regularization.activity_regularization",
                           ".regularization.alpha_dropout", ".regularization.dropout",
                           ".regularization.gaussian_noise", ".regularization.spatial_dropout",
                           ".reshaping.cropping", ".reshaping.flatten", ".reshaping.permute",
                           ".reshaping.repeat_vector", ".reshaping.reshape",
                           ".reshaping.up_sampling", ".reshaping.zero_padding", ".rnn",
                           ".serialization")
