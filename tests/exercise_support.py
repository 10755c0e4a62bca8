"""Run an exercise's printed solution the way a learner would."""

import math
import os

import keras
import numpy as np


def solve(exercise, **names):
    """Run ``exercise.solution_code`` in a namespace like a lesson notebook's; return it.

    The namespace holds what the notebooks import (``keras``, ``np``, ``math``,
    ``os``) and the notebook variables the solution uses, passed as ``names``.
    """
    namespace = {"keras": keras, "np": np, "math": math, "os": os, **names}
    exec(exercise.solution_code, namespace)
    return namespace
