"""Recurrent layers: ``RNN``, ``SimpleRNN``, ``LSTM``, ``GRU``, their cells, ``StackedRNNCells``,
``Bidirectional``, ``TimeDistributed``."""

from .bidirectional import Bidirectional
from .gru import GRU
from .gru_cell import GRUCell
from .lstm import LSTM
from .lstm_cell import LSTMCell
from .rnn import RNN
from .simple_rnn import SimpleRNN
from .simple_rnn_cell import SimpleRNNCell
from .stacked_rnn_cells import StackedRNNCells
from .time_distributed import TimeDistributed

from .conv_lstm import ConvLSTM1D, ConvLSTM2D, ConvLSTM3D

__all__ = [
    "Bidirectional",
    "GRU",
    "GRUCell",
    "LSTM",
    "LSTMCell",
    "RNN",
    "SimpleRNN",
    "SimpleRNNCell",
    "StackedRNNCells",
    "TimeDistributed",
    "ConvLSTM1D",
    "ConvLSTM2D",
    "ConvLSTM3D",
]
