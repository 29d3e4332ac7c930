"""scikit-learn's side of `petal predict`: sk_predict.py MODEL.pkl DATA.csv OUT.csv (the label column, last, is ignored)."""
import pickle
import sys

import numpy as np

with open(sys.argv[1], "rb") as f:
    m = pickle.load(f)
X = np.loadtxt(sys.argv[2], delimiter=",", skiprows=1)[:, :-1]
p = m.predict(X)
with open(sys.argv[3], "w") as f:
    f.write("prediction\n")
    f.write("\n".join(map(str, p.tolist())) + "\n")
