"""numpy + scikit-learn's side of `petal split`: sk_split.py DATA.csv TRAIN.csv TEST.csv (train_test_split, random_state=0; repr text out)."""
import sys

import numpy as np
from sklearn.model_selection import train_test_split

with open(sys.argv[1]) as f:
    header = f.readline()
a = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
X, y = a[:, :-1], a[:, -1].astype(int)
parts = train_test_split(X, y, random_state=0)
for path, XX, yy in ((sys.argv[2], parts[0], parts[2]), (sys.argv[3], parts[1], parts[3])):
    with open(path, "w") as f:
        f.write(header)
        for row, label in zip(XX.tolist(), yy.tolist()):
            f.write(",".join(map(repr, row)) + "," + str(label) + "\n")
