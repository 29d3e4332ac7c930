"""scikit-learn's side of `petal train`: sk_train.py DATA.csv MODEL.pkl [max_iter] (numpy loads the CSV, SVC() fits, pickle saves)."""
import pickle
import sys

import numpy as np
from sklearn.svm import SVC

a = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
X, y = a[:, :-1], a[:, -1].astype(int)
m = SVC(max_iter=int(sys.argv[3]) if len(sys.argv) > 3 else -1).fit(X, y)
with open(sys.argv[2], "wb") as f:
    pickle.dump(m, f)
print(len(m.support_), "support vectors")
