"""firsthand: testimonies, open letters, statements and news pages as sourced records."""

__version__ = "0.1.0"
