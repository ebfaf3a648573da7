#include "policy_plan.hpp"

namespace slakit::detail {

std::vector<std::string> fields_read(const std::vector<PolicyDecl>& policies,
                                     const TicketCalendars& calendars) {
  std::vector<std::string> out;
  for (const auto& [name, c] : calendars) {
    if (!c.zone_field().empty()) out.push_back(c.zone_field());
  }
  for (const auto& p : policies) {
    if (p.calendar_field) out.push_back(p.calendar_field->text);
    if (p.applies) fields_of(*p.applies, out);
    if (p.pause_while) fields_of(*p.pause_while, out);
    for (const auto& t : p.targets) {
      for (const auto& c : t.cases) {
        if (c.when) fields_of(*c.when, out);
      }
      if (t.before) out.push_back(t.before->field);
    }
  }
  return out;
}

Program compile_program(std::vector<FieldInfo> fields, const std::vector<PolicyDecl>& policies,
                        const TicketCalendars& calendars) {
  Program program{std::move(fields), fields_read(policies, calendars)};
  auto& layout = program.layout;
  auto used_slot = [&](const std::string& path) {
    const auto slot = layout.slot(path);
    layout.mark_used(*slot);
    return slot;
  };
  // Every zone field is loaded: `calendar from` may choose any calendar.
  for (const auto& [name, c] : calendars) {
    if (!c.zone_field().empty()) (void)used_slot(c.zone_field());
  }
  for (const auto& p : policies) {
    PolicyPlan plan;
    plan.name = p.name.text;
    plan.is_sla = p.kind == PolicyDecl::Kind::sla;
    plan.source = &p;
    if (p.calendar) {
      auto& choice = plan.calendar_choice;
      choice.fixed = &calendars.at(p.calendar->text);
      choice.all = &calendars;
      plan.calendar = &choice.fixed->calendar();
      if (!choice.fixed->zone_field().empty())
        choice.zone_slot = layout.slot(choice.fixed->zone_field());
      if (p.calendar_field) {
        choice.field = used_slot(p.calendar_field->text);
        choice.field_name = p.calendar_field->text;
      }
      if (choice.per_ticket()) plan.per_ticket = 0;  // numbered below
    }
    if (p.applies) {
      plan.applies.emplace(*p.applies, layout);
      plan.applies_slots = plan.applies->slot_mask();
      (plan.is_sla ? program.sla_slots : program.ola_slots) |= plan.applies_slots;
    }
    if (p.pause_while) {
      plan.pause.emplace(*p.pause_while, layout);
      plan.pause_slots = plan.pause->slot_mask();
    }
    for (const auto& t : p.targets) {
      TargetPlan target{
          .metric = t.metric, .restart_on_reopen = t.reopen == Reopen::restart, .source = &t};
      for (const auto& c : t.cases) {
        TargetCasePlan value{.value = c.value, .source = &c};
        if (c.when) {
          value.when.emplace(*c.when, layout);
          target.case_slots |= value.when->slot_mask();
        }
        target.cases.push_back(std::move(value));
      }
      if (t.before) {
        target.before = layout.slot(t.before->field);
        layout.mark_used(*target.before);
        target.before_is_date = layout.info(*target.before).type == FieldType::date;
        plan.has_before = true;
        target.margin = t.before->margin;
      }
      plan.targets.push_back(std::move(target));
    }
    auto events = [](const std::vector<EventRef>& refs) {
      std::vector<EventMatch> out;
      for (const auto& r : refs) {
        out.push_back({*parse_event_kind(r.event.text), r.team ? r.team->text : std::string{}});
      }
      return out;
    };
    plan.start_on = events(p.start_on);
    plan.stop_on = events(p.stop_on);
    for (const auto& t : p.thresholds) {
      plan.thresholds.push_back(
          {t.form, t.percent, Seconds{t.offset.time}, t.escalate, t.target_kind, t.target.text});
    }
    (plan.is_sla ? program.slas : program.olas).push_back(std::move(plan));
  }
  // Numbered once the plans stand where they stay.
  for (auto* plans : {&program.slas, &program.olas}) {
    for (auto& p : *plans) {
      if (p.per_ticket < 0) continue;
      p.per_ticket = static_cast<int>(program.per_ticket_calendars.size());
      program.per_ticket_calendars.push_back(&p);
    }
  }
  auto table = [&](const std::vector<PolicyPlan>& plans) {
    std::vector<const Condition*> conditions;
    for (const auto& p : plans) conditions.push_back(p.applies ? &*p.applies : nullptr);
    return DecisionTable{conditions, program.layout};
  };
  program.sla_table = table(program.slas);
  program.ola_table = table(program.olas);
  return program;
}

}  // namespace slakit::detail
