alter policy "feedback can be sent" on public.feedback to authenticated;
revoke insert on public.feedback from anon;
