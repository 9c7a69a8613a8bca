"""Run the graphmodel CLI from a checkout: ``python cli.py --help``."""

from graphmodel.cli import main

if __name__ == "__main__":
    main()
