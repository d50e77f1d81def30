//! Writing a [`Plan`] through the write door: new people in one write to `people.ron`,
//! then the scenario's records in one write (a new scenario file is created whole). Each
//! write is checked and atomic, as every write is.

use super::plan::Plan;
use crate::ledger::{Additions, Door, EditError, Ledger};

pub fn apply(ledger: &mut Ledger, plan: &Plan) -> Result<(), EditError> {
    if let Some((first, rest)) = plan.people.split_first() {
        let door = Door::people(ledger);
        if door.path().exists() {
            door.insert_people(&plan.people)?;
        } else {
            // The first person creates the file; the rest join it in one write.
            door.insert_person(first)?;
            if !rest.is_empty() {
                Door::people(ledger).insert_people(rest)?;
            }
        }
        for person in &plan.people {
            ledger.note_person_added(person.clone());
        }
    }
    match &plan.new_scenario {
        Some(scenario) => Door::new_scenario(ledger, &scenario.id).create_scenario(scenario),
        None if plan.forecasts.is_empty()
            && plan.sources.is_empty()
            && plan.questions.is_empty() =>
        {
            Ok(())
        }
        None => Door::of(ledger, &plan.path).insert_records(Additions {
            sources: &plan.sources,
            questions: &plan.questions,
            forecasts: &plan.forecasts,
        }),
    }
}
