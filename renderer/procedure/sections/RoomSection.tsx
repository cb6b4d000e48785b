import { useTranslation } from 'react-i18next';
import { roomChecklist } from '../../../shared/domain/procedure';
import { CheckField, InstantField, TextField } from '../fields';
import { instantToBrusselsInput } from '../instants';
import { Section } from '../Section';
import { useSectionForm } from '../section-form';
import type { SectionProps } from './props';

/** The room check: a room arranged for a child, the equipment tried, and who confirmed it when. */
export function RoomSection({ store, view, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const form = useSectionForm({
    section: 'roomChecklist',
    store,
    readOnly,
    initial: () => {
      const r = view.draft.roomChecklist;
      return {
        childFriendly: r?.childFriendly === true,
        equipmentChecked: r?.equipmentChecked === true,
        confirmedBy: r?.confirmedBy ?? '',
        confirmedAt: instantToBrusselsInput(r?.confirmedAt),
      };
    },
    build: (read, stored) => ({
      childFriendly: read.flag('childFriendly'),
      equipmentChecked: read.flag('equipmentChecked'),
      confirmedBy: read.text('confirmedBy', roomChecklist.shape.confirmedBy, stored?.confirmedBy),
      confirmedAt: read.instant('confirmedAt', stored?.confirmedAt),
    }),
  });
  const labels = {
    childFriendly: t('procedure.room.childFriendly'),
    equipmentChecked: t('procedure.room.equipmentChecked'),
    confirmedBy: t('procedure.room.confirmedBy'),
    confirmedAt: t('procedure.room.confirmedAt'),
  };
  return (
    <Section path="roomChecklist" title={t('procedure.room.title')} form={form} labels={labels}>
      <CheckField
        form={form}
        name="childFriendly"
        path="roomChecklist.childFriendly"
        label={labels.childFriendly}
      />
      <CheckField
        form={form}
        name="equipmentChecked"
        path="roomChecklist.equipmentChecked"
        label={labels.equipmentChecked}
        description={t('procedure.room.equipmentHint')}
      />
      <div className="field-grid">
        <TextField
          form={form}
          name="confirmedBy"
          path="roomChecklist.confirmedBy"
          label={labels.confirmedBy}
        />
        <InstantField
          form={form}
          name="confirmedAt"
          path="roomChecklist.confirmedAt"
          label={labels.confirmedAt}
        />
      </div>
    </Section>
  );
}
