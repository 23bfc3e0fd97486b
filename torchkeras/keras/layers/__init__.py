"""``keras.layers``: the Layer base, core, regularization, reshaping, normalization and merge layers."""
from .layer import Layer
from .input_spec import InputSpec
from .core.activation import Activation
from .core.dense import Dense
from .core.embedding import Embedding
from .core.identity import Identity
from .core.input_layer import Input, InputLayer
from .core.lambda_layer import Lambda
from .core.masking import Masking
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
from .rnn import (GRU, LSTM, RNN, Bidirectional, GRUCell, LSTMCell, SimpleRNN, SimpleRNNCell, StackedRNNCells,
                  TimeDistributed)

__all__ = ["Layer", "InputSpec", "Activation", "Dense", "Embedding", "Identity", "Input", "InputLayer", "Lambda",
           "Dropout", "Flatten", "Permute", "RepeatVector", "Reshape", "BatchNormalization", "LayerNormalization",
           "Concatenate", "Dot", "Add", "Average", "Maximum", "Minimum", "Multiply", "Subtract", "add", "average",
           "concatenate", "dot", "maximum", "minimum", "multiply", "subtract"]
__all__ += ["Masking", "RNN", "SimpleRNN", "LSTM", "GRU", "SimpleRNNCell", "LSTMCell", "GRUCell", "Bidirectional",
            "StackedRNNCells", "TimeDistributed"]

from .convolutional import (Conv1D, Conv1DTranspose, Conv2D, Conv2DTranspose, Conv3D, Conv3DTranspose,  # noqa: E402
                            DepthwiseConv1D, DepthwiseConv2D, SeparableConv1D, SeparableConv2D)

__all__ += ["Conv1D", "Conv1DTranspose", "Conv2D", "Conv2DTranspose", "Conv3D", "Conv3DTranspose", "DepthwiseConv1D",
            "DepthwiseConv2D", "SeparableConv1D", "SeparableConv2D"]

from .pooling import (AveragePooling1D, AveragePooling2D, AveragePooling3D, GlobalAveragePooling1D,  # noqa: E402
                      GlobalAveragePooling2D, GlobalAveragePooling3D, GlobalMaxPooling1D, GlobalMaxPooling2D,
                      GlobalMaxPooling3D, MaxPooling1D, MaxPooling2D, MaxPooling3D)

AvgPool1D, AvgPool2D, AvgPool3D = AveragePooling1D, AveragePooling2D, AveragePooling3D
MaxPool1D, MaxPool2D, MaxPool3D = MaxPooling1D, MaxPooling2D, MaxPooling3D
GlobalAvgPool1D, GlobalAvgPool2D, GlobalAvgPool3D = GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalAveragePooling3D
GlobalMaxPool1D, GlobalMaxPool2D, GlobalMaxPool3D = GlobalMaxPooling1D, GlobalMaxPooling2D, GlobalMaxPooling3D
__all__ += ["AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "GlobalAveragePooling1D",
            "GlobalAveragePooling2D", "GlobalAveragePooling3D", "GlobalMaxPooling1D", "GlobalMaxPooling2D",
            "GlobalMaxPooling3D", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AvgPool1D", "AvgPool2D", "AvgPool3D",
            "MaxPool1D", "MaxPool2D", "MaxPool3D", "GlobalAvgPool1D", "GlobalAvgPool2D", "GlobalAvgPool3D",
            "GlobalMaxPool1D", "GlobalMaxPool2D", "GlobalMaxPool3D"]

from .reshaping.cropping import Cropping1D, Cropping2D  # noqa: E402
from .reshaping.up_sampling import UpSampling1D, UpSampling2D  # noqa: E402
from .reshaping.zero_padding import ZeroPadding1D, ZeroPadding2D  # noqa: E402
from .regularization.activity_regularization import ActivityRegularization  # noqa: E402
from .regularization.gaussian_noise import GaussianDropout, GaussianNoise  # noqa: E402
from .regularization.spatial_dropout import SpatialDropout1D, SpatialDropout2D, SpatialDropout3D  # noqa: E402
from .normalization.group_normalization import GroupNormalization  # noqa: E402
from .normalization.unit_normalization import UnitNormalization  # noqa: E402

__all__ += ["Cropping1D", "Cropping2D", "UpSampling1D", "UpSampling2D", "ZeroPadding1D", "ZeroPadding2D",
            "ActivityRegularization", "GaussianDropout", "GaussianNoise", "SpatialDropout1D", "SpatialDropout2D",
            "SpatialDropout3D", "GroupNormalization", "UnitNormalization"]

from .rnn import ConvLSTM1D, ConvLSTM2D, ConvLSTM3D  # noqa: E402

__all__ += ["ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"]

from .attention import AdditiveAttention, Attention, MultiHeadAttention  # noqa: E402
from .core.einsum_dense import EinsumDense  # noqa: E402

__all__ += ["AdditiveAttention", "Attention", "MultiHeadAttention", "EinsumDense"]

from .preprocessing import (CategoryEncoding, CenterCrop, Normalization, RandomBrightness, RandomContrast,  # noqa: E402
                            RandomCrop, RandomFlip, RandomRotation, RandomTranslation, RandomZoom, Rescaling, Resizing)

__all__ += ["CategoryEncoding", "CenterCrop", "Normalization", "RandomBrightness", "RandomContrast", "RandomCrop",
            "RandomFlip", "RandomRotation", "RandomTranslation", "RandomZoom", "Rescaling", "Resizing"]

from .preprocessing.text import Hashing, IntegerLookup, StringLookup, TextVectorization  # noqa: E402

__all__ += ["Hashing", "IntegerLookup", "StringLookup", "TextVectorization"]

from .activations import ELU, LeakyReLU, PReLU, ReLU, Softmax  # noqa: E402
from .reshaping.cropping import Cropping3D  # noqa: E402
from .reshaping.up_sampling import UpSampling3D  # noqa: E402
from .reshaping.zero_padding import ZeroPadding3D  # noqa: E402
from .regularization.alpha_dropout import AlphaDropout  # noqa: E402
from .normalization.rms_normalization import RMSNormalization  # noqa: E402
from .normalization.spectral_normalization import SpectralNormalization  # noqa: E402
from .preprocessing_discretization import Discretization  # noqa: E402
from .pooling.adaptive_pooling import (AdaptiveAveragePooling1D, AdaptiveAveragePooling2D,  # noqa: E402
                                       AdaptiveAveragePooling3D, AdaptiveMaxPooling1D, AdaptiveMaxPooling2D,
                                       AdaptiveMaxPooling3D)
from .core.wrapper import Wrapper  # noqa: E402
from .core.torch_module_wrapper import TorchModuleWrapper  # noqa: E402
from .serialization import deserialize, serialize  # noqa: E402

Convolution1D, Convolution2D, Convolution3D = Conv1D, Conv2D, Conv3D
Convolution1DTranspose, Convolution2DTranspose, Convolution3DTranspose = Conv1DTranspose, Conv2DTranspose, Conv3DTranspose
SeparableConvolution1D, SeparableConvolution2D = SeparableConv1D, SeparableConv2D
__all__ += ["ELU", "LeakyReLU", "PReLU", "ReLU", "Softmax", "Cropping3D", "UpSampling3D", "ZeroPadding3D",
            "AlphaDropout", "RMSNormalization", "SpectralNormalization", "Discretization", "AdaptiveAveragePooling1D",
            "AdaptiveAveragePooling2D", "AdaptiveAveragePooling3D", "AdaptiveMaxPooling1D", "AdaptiveMaxPooling2D",
            "AdaptiveMaxPooling3D", "Wrapper", "TorchModuleWrapper", "serialize", "deserialize", "Convolution1D",
            "Convolution2D", "Convolution3D", "Convolution1DTranspose", "Convolution2DTranspose",
            "Convolution3DTranspose", "SeparableConvolution1D", "SeparableConvolution2D"]
