"""The aggregate queries behind the figures. Each returns plain data (counts with the
number of distinct people behind them), never rows of people, in a fixed number
of queries whatever the size of the organization."""
