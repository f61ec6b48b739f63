#!/usr/bin/env python3
"""Fits a logistic regression and a small gradient-boosted model on features of verifier-accepted QQP candidates
(train: QQP rows 12,000-27,999) and reports precision/recall on QQP rows 0-3,999 when keeping the top share of
candidates by predicted probability. Needs numpy and scikit-learn. See README.md for the inputs."""
import csv, numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import GradientBoostingClassifier
def load(p): return {r['line']:r for r in csv.DictReader(open(p),delimiter='\t')}
def build(p):
    f=load(f'{p}-feat.tsv'); q=load(f'{p}-pool.tsv'); X=[];y=[]
    for k,r in q.items():
        a=f[k]; g=lambda n: float(a[n])
        X.append([ (float(r['sim'])-0.92)*100, (float(r['meanSim'])-0.92)*100, (float(r['bsF'])-0.9)*100,(float(r['bsP'])-0.9)*100,(float(r['bsR'])-0.9)*100,
                   max(g('rA'),g('rB')), min(g('rA'),g('rB')), g('nA')+g('nB'), g('eA')+g('eB'), g('vA')+g('vB'), g('fA')+g('fB'), g('coA')+g('coB'), np.log1p(g('cA')+g('cB'))])
        y.append(int(r['label']))
    return np.array(X),np.array(y)
X,y=build('train'); Xe,ye=build('eval')
for m in [LogisticRegression(max_iter=2000), GradientBoostingClassifier(n_estimators=100,max_depth=2)]:
    m.fit(X,y); pe=m.predict_proba(Xe)[:,1]; order=np.argsort(-pe)
    print(type(m).__name__)
    for keep in [0.97,0.95,0.92,0.9,0.88,0.85]:
        k=int(len(ye)*keep); sel=order[:k]
        print(f'  keep {keep}: prec {ye[sel].mean():.3f} tp {ye[sel].sum()} fp {k-ye[sel].sum()} recall {ye[sel].sum()/1540:.3f}')
