import type { WoDispatchCatalogue } from '../zh-CN/woDispatch.ts';

/** English catalogue, work-order part: woDispatch (same keys as zh-CN). */
export const woDispatchText: WoDispatchCatalogue = {
  woDispatch: {
    title: 'Dispatch setup',
    mode: {
      title: 'Dispatch mode', saved: 'Dispatch mode saved',
      off: 'Manual', suggest: 'Suggest', auto: 'Automatic', pool: 'Grab pool',
      hint: {
        off: 'New orders wait for customer service to assign them.',
        suggest: 'The timeline suggests the 3 best workers (skill, on shift, responsible for the building, lowest load); customer service decides.',
        auto: 'Orders go straight to the best worker on shift, with the reasons in the timeline; if every skilled worker is off shift they go to the grab pool, if nobody has the skill they wait for customer service.',
        pool: 'New orders go to the grab pool; workers of the project with the category\'s skill may grab them.',
      },
    },
    workers: {
      title: 'Workers', hint: 'Skills are matched against order categories; changes save at once', name: 'Name', skills: 'Skills', skillsPlaceholder: 'Pick or type skill codes',
      shift: 'Shift', onShift: 'On shift', offShift: 'Off shift', buildings: 'Buildings', load: 'Open orders', saved: 'Skills saved', empty: 'No workers in this project yet',
    },
    skill: {
      plumbing: 'Plumbing', electrical: 'Electrical', elevator: 'Elevator', door_lock: 'Doors & locks', cleaning: 'Cleaning', greening: 'Greening', security: 'Security',
    },
    shifts: {
      title: 'Shifts', prevWeek: 'Previous week', nextWeek: 'Next week', worker: 'Worker', workerRequired: 'Pick a worker', start: 'Start', hours: 'Hours',
      add: 'Add shift', added: 'Shift added', empty: 'No workers in this project yet', confirmDelete: 'Delete this shift?', deleted: 'Shift deleted', nextDay: '{{time}} next day',
    },
    buildings: {
      title: 'Building responsibility', hint: 'Automatic dispatch prefers the building\'s responsible staff', building: 'Building', staff: 'Responsible staff',
      placeholder: 'Pick staff', saved: 'Responsible staff saved', empty: 'No buildings in this project yet',
    },
  },
};
