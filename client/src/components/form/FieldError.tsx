import { View } from '@tarojs/components';

/** The message for one field, right under it (role=alert so a screen reader announces it). */
export function FieldError({ message }: { message?: string }) {
  return message ? (
    <View className="jy-field-error" role="alert">
      {message}
    </View>
  ) : null;
}
