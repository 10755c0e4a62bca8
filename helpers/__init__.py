"""Helpers for the Keras First Steps course (딥러닝 첫걸음).

Importing this package has no side effects: nothing is seeded, printed or
configured until you call a function. Start a notebook with::

    from helpers.environment import setup_notebook
    setup_notebook()
"""

__version__ = "0.1.0"

#: The course's public repository: the one place its address is written.
#: Colab badges and bootstrap cells in every notebook must match it (a test checks).
REPOSITORY = "https://github.com/keras-first-steps/keras-first-steps"

#: The git tag that Colab installs the helpers and datasets from.
COURSE_TAG = f"v{__version__}"
