import time
from lawgap.parsers import load_law
from lawgap.assess.score import score_country
from lawgap.drafting.draft import drafts_for_country
from lawgap.drafting.apply import outcome
laws=[load_law(f"/work/shared/corpus/kg/{n}.docx", country="KG") for n in ("criminal_code_2021_ru","criminal_code_2021_ky","criminal_procedure_code_2021_ru","criminal_procedure_code_2021_ky")]
cs=score_country("KG", laws)
ds=drafts_for_country("KG", laws, ("ru",), score=cs)
t=time.time()
for d in ds:
    try:
        o=outcome("KG", laws, d, cs)
        print(f"{d.rule_id:42} {d.unit:8} {o.before:8}->{o.after:8} closes={o.closes} worse={[c.rule+':'+c.before+'>'+c.after for c in o.regressions]} better={[c.rule for c in o.changed if c not in o.regressions]}")
    except Exception as e:
        print(d.rule_id, "ERROR", type(e).__name__, e)
print(time.time()-t)
