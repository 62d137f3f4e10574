"""The shipped city schemes: one module per city, each exposing ``SCHEME``."""
