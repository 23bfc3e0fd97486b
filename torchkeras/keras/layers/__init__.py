"""``keras.layers``: the Layer base, core, regularization, reshaping, normalization and merge layers."""
from .layer import Layer
from .input_spec import InputSpec
from .core.activation import Activation
from .core.dense import Dense
from .core.embedding import Embedding
from .core.identity import Identity
from .core.input_layer import Input, InputLayer
from .core.lambda_layer import Lambda
from .regularization.dropout import Dropout
from .reshaping.flatten import Flatten
from .reshaping.permute import Permute
from .reshaping.repeat_vector import RepeatVector
from .reshaping.reshape import Reshape
from .normalization.batch_normalization import BatchNormalization
from .normalization.layer_normalization import LayerNormalization
from .merging.concatenate import Concatenate
from .merging.dot import Dot
from .merging.elementwise import Add, Average, Maximum, Minimum, Multiply, Subtract
from .merging.functional import add, average, concatenate, dot, maximum, minimum, multiply, subtract

__all__ = ["Layer", "InputSpec", "Activation", "Dense", "Embedding", "Identity", "Input", "InputLayer", "Lambda",
           "Dropout", "Flatten", "Permute", "RepeatVector", "Reshape", "BatchNormalization", "LayerNormalization",
           "Concatenate", "Dot", "Add", "Average", "Maximum", "Minimum", "Multiply", "Subtract", "add", "average",
           "concatenate", "dot", "maximum", "minimum", "multiply", "subtract"]
